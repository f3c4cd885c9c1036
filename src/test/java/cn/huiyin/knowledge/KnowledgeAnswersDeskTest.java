package cn.huiyin.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The phone agent's desk, as its browser sees it without the script: the knowledge-base answers beside the work-order
 * form, "answered without a work order", and a work order filed anyway marking what was shown.
 */
@QuarkusTest
class KnowledgeAnswersDeskTest {

    private static final Pattern ANSWERED_BUTTON = Pattern.compile(
            "<button type=\"submit\" form=\"answered-form\" name=\"shownId\" value=\"([0-9a-f-]{36})\"");

    @Inject
    Database db;

    private static String agent() {
        return StaffPages.cookieFor("agent-demo");
    }

    private static RequestSpecification order(String agent, String callId, String submissionId, String number) {
        var form = StaffPages.browser(agent).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", StaffPages.csrfFor(agent))
                .formParam("contactName", "周女士").formParam("contactMobile", number).formParam("appealType", "CONSULT")
                .formParam("description", "来电咨询：公司想变更经营范围，需要准备哪些材料，能不能网上办理。")
                .formParam("submissionId", submissionId);
        return callId == null ? form : form.formParam("callId", callId);
    }

    private static String mobile() {
        return "137" + String.format("%08d", (int) (Math.random() * 1e8));
    }

    @Test
    void the_desk_loads_the_typeahead_and_shows_the_answers_for_the_call_when_the_agent_asks() {
        String agent = agent();
        String callId = "c-" + UUID.randomUUID();
        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "newCall", callId, "in", mobile(), "2026-11-25T02:00:00Z", ""));
        StaffPages.get(agent, "/desk/phone?callId=" + callId).statusCode(200)
                .body(containsString("<script src=\"/js/knowledge-suggestions.js\"></script>"))
                .body(containsString("data-source=\"/api/v1/knowledge/suggestions/phone\" data-asker=\"" + callId + "\""))
                .body(containsString("action=\"/desk/phone/answered\""));

        String page = order(agent, callId, UUID.randomUUID().toString(), mobile()).formParam("action", "suggest")
                .post("/desk/phone/work-orders").then().statusCode(200)
                .body(containsString("知识库解答")).body(containsString("经营范围"))
                .body(containsString("已用此条解答，无需立单")).extract().asString();
        String shownId = shownIdIn(page);
        assertThat(db.string("SELECT channel || '|' || asker_ref FROM knowledge_answer_shown WHERE id = $1::uuid", shownId))
                .isEqualTo("PHONE|" + callId);
        given().get("/js/knowledge-suggestions.js").then().statusCode(200).body(containsString("data-answered-form"));
    }

    @Test
    void answering_the_call_from_an_article_records_it_as_helpful_and_frees_the_desk() {
        String agent = agent();
        String callId = "c-" + UUID.randomUUID();
        String page = order(agent, callId, UUID.randomUUID().toString(), mobile()).formParam("action", "suggest")
                .post("/desk/phone/work-orders").then().statusCode(200).extract().asString();
        String shownId = shownIdIn(page);

        StaffPages.post(agent, "/desk/phone/answered", "shownId", shownId, "callId", callId).statusCode(303)
                .header("Location", endsWith("/desk/phone?answered=1"));
        assertThat(db.string("SELECT helpful::text FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isEqualTo("true");
        StaffPages.get(agent, "/desk/phone?answered=1").statusCode(200).body(containsString("本次来电已用知识库解答"));

        StaffPages.post(agent, "/desk/phone/answered", "shownId", UUID.randomUUID().toString()).statusCode(404)
                .body(containsString("未找到所选的知识库解答"));
        // the desk's own form needs its token like every other
        StaffPages.browser(agent).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("shownId", shownId).post("/desk/phone/answered").then().statusCode(403);
    }

    @Test
    void a_work_order_filed_after_the_answers_marks_them_followed_with_or_without_a_call() {
        String agent = agent();
        String callId = "c-" + UUID.randomUUID();
        String submissionId = UUID.randomUUID().toString();
        String number = mobile();
        shownIdIn(order(agent, callId, submissionId, number).formParam("action", "suggest").post("/desk/phone/work-orders")
                .then().statusCode(200).extract().asString());
        order(agent, callId, submissionId, number).formParam("action", "submit").post("/desk/phone/work-orders")
                .then().statusCode(200).body(containsString("请向来电人读出诉求编号"));
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE call_id = $1", callId);
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE channel = 'PHONE' AND asker_ref = $1 "
                + "AND followed_by IS DISTINCT FROM $2", callId, trackingNo)).isZero();
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1", callId)).isPositive();

        // no call selected: the desk shows the answers to the work order itself
        String alone = UUID.randomUUID().toString();
        String otherNumber = mobile();
        String page = order(agent, null, alone, otherNumber).formParam("action", "suggest").post("/desk/phone/work-orders")
                .then().statusCode(200).body(not(containsString("http-equiv=\"refresh\""))).extract().asString();
        assertThat(page).contains("data-asker=\"desk-" + alone + "\"");
        shownIdIn(page);
        order(agent, null, alone, otherNumber).formParam("action", "submit").post("/desk/phone/work-orders").then().statusCode(200);
        String other = db.string("SELECT tracking_no FROM appeal WHERE mobile = $1", otherNumber);
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1 AND followed_by = $2",
                "desk-" + alone, other)).isPositive();
    }

    private static String shownIdIn(String page) {
        Matcher button = ANSWERED_BUTTON.matcher(page);
        assertThat(button.find()).as("the desk shows an article with its 已用此条解答 button").isTrue();
        return button.group(1);
    }
}
