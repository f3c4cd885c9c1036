package cn.huiyin.evaluation;

import static cn.huiyin.evaluation.EvaluationFlow.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * An appellant with neither SMS nor WeChat rates with pages only: the lookup page, once the query code opened the
 * appeal, shows the answer and the link to the rating page, which shows the answer above its form.
 */
@QuarkusTest
class LookupRatingTest {

    private static final Pattern RATE_LINK = Pattern.compile("id=\"rate-link\" href=\"/rate/([0-9A-Za-z_-]+)\"");

    @Inject
    Database db;

    @Inject
    RatingLinks links;

    record Submitted(String trackingNo, String queryCode) {
    }

    private static RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static Submitted accepted() {
        var receipt = given().contentType(ContentType.JSON).body(Appeals.with("uscc", EvaluationFlow.DEMO_USCC))
                .post("/api/v1/appeals").then().statusCode(202).extract();
        Submitted appeal = new Submitted(receipt.path("trackingNo"), receipt.path("queryCode"));
        post("commissioner-tax", "/api/v1/appeals/" + appeal.trackingNo() + "/accept", null).statusCode(200);
        return appeal;
    }

    private static String lookup(String trackingNo, String queryCode) {
        return form().formParam("trackingNo", trackingNo).formParam("queryCode", queryCode).post("/appeals/lookup")
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

    private static String rateToken(String page) {
        Matcher link = RATE_LINK.matcher(page);
        assertThat(link.find()).as("the lookup page links to the rating page").isTrue();
        return link.group(1);
    }

    private long ratings(String no) {
        return db.count("SELECT count(*) FROM rating g JOIN appeal a ON a.id = g.appeal_id WHERE a.tracking_no = $1", no);
    }

    @Test
    void the_appellant_rates_from_the_lookup_page_once() {
        Submitted appeal = accepted();
        assertThat(lookup(appeal.trackingNo(), appeal.queryCode())).doesNotContain("rate-link", "去评价");

        EvaluationFlow.reply(appeal.trackingNo());
        String page = lookup(appeal.trackingNo(), appeal.queryCode());
        assertThat(page).contains("请评价本次答复", EvaluationFlow.ANSWER, "去评价");
        String token = rateToken(page);
        // the very link the SMS or WeChat request carries: same appeal, round and expiry
        long expires = db.count("SELECT (payload::jsonb ->> 'linkExpiresAt')::bigint FROM outbox o JOIN appeal a "
                + "ON a.id = o.appeal_id WHERE a.tracking_no = $1 AND o.event_type = 'RatingRequested'", appeal.trackingNo());
        assertThat(token).isEqualTo(links.token(appeal.trackingNo(), 1, Instant.ofEpochSecond(expires)));

        given().get("/rate/" + token).then().statusCode(200).body(containsString(EvaluationFlow.ANSWER))
                .body(containsString("承办单位答复")).body(containsString("name=\"level\""));
        form().formParam("resolved", "yes").post("/rate/" + token).then().statusCode(422)
                .body(containsString("请选择满意程度")).body(containsString(EvaluationFlow.ANSWER));
        assertThat(ratings(appeal.trackingNo())).isZero();

        form().formParam("resolved", "yes").formParam("level", "5").formParam("comment", "很满意")
                .post("/rate/" + token).then().statusCode(200).body(containsString("感谢您的评价"));
        assertThat(ratings(appeal.trackingNo())).isEqualTo(1);
        assertThat(db.string("SELECT via || '/' || level || '/' || resolved || '/' || comment FROM rating g JOIN appeal a "
                + "ON a.id = g.appeal_id WHERE a.tracking_no = $1", appeal.trackingNo())).isEqualTo("LINK/5/true/很满意");

        String after = lookup(appeal.trackingNo(), appeal.queryCode());
        assertThat(after).doesNotContain("rate-link", "请评价本次答复").contains("企业评价：非常满意，问题已解决");

        form().formParam("resolved", "no").formParam("level", "1").post("/rate/" + token).then().statusCode(409)
                .body(containsString("已评价"));
        post("enterprise-demo", "/api/v1/appeals/" + appeal.trackingNo() + "/rating",
                Map.of("level", 1, "resolved", false)).statusCode(409);
        assertThat(ratings(appeal.trackingNo())).isEqualTo(1);
    }

    @Test
    void a_wrong_query_code_shows_no_answer_and_no_link() {
        Submitted appeal = accepted();
        EvaluationFlow.reply(appeal.trackingNo());
        String wrong = appeal.queryCode().equals("WRONG234") ? "WRONG235" : "WRONG234";

        form().formParam("trackingNo", appeal.trackingNo()).formParam("queryCode", wrong).post("/appeals/lookup").then()
                .statusCode(200).body(containsString("未找到该诉求")).body(not(containsString("rate-link")))
                .body(not(containsString(EvaluationFlow.ANSWER)));
        assertThat(ratings(appeal.trackingNo())).isZero();
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", appeal.trackingNo())).isEqualTo("REPLIED");
    }

    @Test
    void a_bad_rating_from_the_lookup_page_opens_rework() {
        Submitted appeal = accepted();
        EvaluationFlow.reply(appeal.trackingNo());
        String token = rateToken(lookup(appeal.trackingNo(), appeal.queryCode()));

        form().formParam("resolved", "no").formParam("level", "2").post("/rate/" + token).then().statusCode(200)
                .body(containsString("重新办理"));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", appeal.trackingNo())).isEqualTo("REWORK");
        assertThat(ratings(appeal.trackingNo())).isEqualTo(1);
        assertThat(lookup(appeal.trackingNo(), appeal.queryCode())).doesNotContain("rate-link").contains("退回整改");

        // the unit answers again: the next round is offered on the same page
        EvaluationFlow.reply(appeal.trackingNo());
        String next = rateToken(lookup(appeal.trackingNo(), appeal.queryCode()));
        assertThat(next).startsWith(appeal.trackingNo() + "-2-");
    }
}
