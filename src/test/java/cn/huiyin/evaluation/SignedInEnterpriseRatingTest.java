package cn.huiyin.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A signed-in enterprise finds its own appeals on "我的诉求" and rates an answer from there, with no query code;
 * another enterprise's appeal is not found, and only enterprises have the page.
 */
@QuarkusTest
class SignedInEnterpriseRatingTest {

    private static final Pattern RATE_LINK = Pattern.compile("id=\"rate-link\" href=\"/rate/([0-9A-Za-z_-]+)\"");

    @Inject
    Database db;

    private static String submitted(String uscc, String title) {
        return given().contentType(ContentType.JSON).body(withTitle(uscc, title))
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
    }

    private static java.util.Map<String, Object> withTitle(String uscc, String title) {
        var body = Appeals.with("uscc", uscc);
        body.put("title", title);
        return body;
    }

    @Test
    void the_enterprise_lists_its_appeals_and_rates_the_answer_without_a_query_code() {
        String title = "我的诉求页测试" + System.nanoTime() % 100000;
        String no = submitted(EvaluationFlow.DEMO_USCC, title);
        EvaluationFlow.post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
        String enterprise = StaffPages.cookieFor("enterprise-demo");

        StaffPages.get(enterprise, "/appeals/mine").statusCode(200).contentType(ContentType.HTML)
                .body(containsString("href=\"/appeals/mine/" + no + "\"")).body(containsString(title))
                .body(containsString("我的诉求"));
        StaffPages.get(enterprise, "/appeals/mine/" + no).statusCode(200)
                .body(containsString(title)).body(not(containsString("rate-link")));

        EvaluationFlow.reply(no);
        String page = StaffPages.get(enterprise, "/appeals/mine/" + no).statusCode(200)
                .body(containsString(EvaluationFlow.ANSWER)).body(containsString("去评价")).extract().asString();
        Matcher link = RATE_LINK.matcher(page);
        assertThat(link.find()).as("the page links to the rating page").isTrue();

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("resolved", "yes")
                .formParam("level", "4").post("/rate/" + link.group(1)).then().statusCode(200)
                .body(containsString("感谢您的评价"));
        assertThat(db.string("SELECT level::text FROM rating g JOIN appeal a ON a.id = g.appeal_id WHERE a.tracking_no = $1",
                no)).isEqualTo("4");
        StaffPages.get(enterprise, "/appeals/mine/" + no).statusCode(200).body(not(containsString("rate-link")));
    }

    @Test
    void another_enterprises_appeal_is_not_found_and_shows_nothing_of_it() {
        String title = "别家企业的诉求" + System.nanoTime() % 100000;
        String other = submitted(Usccs.random(), title);
        String enterprise = StaffPages.cookieFor("enterprise-demo");

        StaffPages.get(enterprise, "/appeals/mine/" + other).statusCode(404)
                .body(containsString("未找到")).body(not(containsString(title)));
        StaffPages.get(enterprise, "/appeals/mine").statusCode(200).body(not(containsString(other)));
        StaffPages.get(enterprise, "/appeals/mine/not-a-number").statusCode(404).body(containsString("未找到"));
        // a hostile number is refused and shown back only escaped
        StaffPages.get(enterprise, "/appeals/mine/%3Cscript%3Ealert(1)%3C%2Fscript%3E").statusCode(404)
                .body(containsString("未找到")).body(not(containsString("<script>alert")));
        StaffPages.get(enterprise, "/appeals/mine/" + "9".repeat(300)).statusCode(404).body(containsString("未找到"));
        StaffPages.get(enterprise, "/appeals/mine/" + "9".repeat(9000)).statusCode(414); // refused at the edge (request line over 8 KiB)
    }

    @Test
    void only_a_signed_in_enterprise_has_the_page() {
        given().accept("text/html").redirects().follow(false).get("/appeals/mine").then().statusCode(303)
                .header("Location", containsString("/signin?to=%2Fappeals%2Fmine"));
        // a page has no JSON form: an API client is told so (the API is /api/v1/appeals/{no})
        given().accept(ContentType.JSON).get("/appeals/mine").then().statusCode(406)
                .contentType("application/problem+json");
        given().accept("text/html").cookie("huiyin_token", StaffPages.cookieFor("commissioner-tax"))
                .get("/appeals/mine").then().statusCode(403).body(containsString("无权"));
        given().accept("text/html").cookie("huiyin_token", StaffPages.cookieFor("commissioner-tax"))
                .get("/appeals/mine/" + submitted(EvaluationFlow.DEMO_USCC, "专员不可见")).then().statusCode(403)
                .body(not(containsString("专员不可见")));
    }

    @Test
    void the_header_of_a_signed_in_enterprise_links_its_appeals() {
        StaffPages.get(StaffPages.cookieFor("enterprise-demo"), "/appeals/new").statusCode(200)
                .body(containsString("href=\"/appeals/mine\"")).body(containsString("企业"));
        given().get("/appeals/new").then().statusCode(200).body(not(containsString("href=\"/appeals/mine\"")));
    }
}
