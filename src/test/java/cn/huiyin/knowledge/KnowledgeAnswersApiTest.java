package cn.huiyin.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The answers API as the appeal form's typeahead and the staff desks use it: what is found, what is recorded (once per
 * asker within minutes), feedback, and an appeal filed afterwards marking what was shown.
 */
@QuarkusTest
class KnowledgeAnswersApiTest {

    /** Asked the way an enterprise would ask the seeded article KB-REG-002 (变更经营范围). */
    static final String SCOPE_QUESTION = "我们公司想变更经营范围，需要准备哪些材料";

    @Inject
    Database db;

    static ValidatableResponse suggestions(String q, String asker) {
        return given().queryParam("q", q).queryParam("asker", asker).get("/api/v1/knowledge/suggestions").then();
    }

    private long shownTo(String asker) {
        return db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1", asker);
    }

    @Test
    void the_typeahead_finds_the_seeded_article_and_records_each_shown_article_for_the_asker() {
        String asker = UUID.randomUUID().toString();
        ValidatableResponse found = suggestions(SCOPE_QUESTION, asker).statusCode(200)
                .body("[0].title", containsString("经营范围")).body("[0].answer", containsString("经营范围"))
                .body("[0].unitName", equalTo("天河区市场监督管理局"));
        List<String> ids = found.extract().path("shownId");
        String first = ids.get(0);
        Number article = found.extract().path("[0].articleId");

        assertThat(shownTo(asker)).isEqualTo(ids.size());
        assertThat(db.string("SELECT channel || '|' || query || '|' || article_id || '|' || (article_version > 0) "
                + "FROM knowledge_answer_shown WHERE id = $1::uuid", first))
                .isEqualTo("WEB|" + SCOPE_QUESTION + "|" + article.longValue() + "|true");
        assertThat(db.string("SELECT article_key FROM knowledge_article WHERE id = $1", article.longValue()))
                .isEqualTo("KB-REG-002");
    }

    @Test
    void the_same_article_shown_again_to_the_same_asker_within_minutes_is_one_record_and_later_a_new_one() {
        String asker = UUID.randomUUID().toString();
        Map<Long, String> first = shown(suggestions(SCOPE_QUESTION, asker).statusCode(200));
        // the typeahead asks again as the enterprise goes on typing: what it shows again keeps its record
        Map<Long, String> again = shown(suggestions(SCOPE_QUESTION + "，能不能网上办", asker).statusCode(200));
        Set<Long> both = new HashSet<>(first.keySet());
        both.retainAll(again.keySet());
        assertThat(both).isNotEmpty();
        both.forEach(article -> assertThat(again.get(article)).isEqualTo(first.get(article)));
        Set<Long> articles = new HashSet<>(first.keySet());
        articles.addAll(again.keySet());
        long recorded = shownTo(asker);
        assertThat(recorded).isEqualTo(articles.size());
        String top = first.values().iterator().next();

        // another asker is another showing
        String other = UUID.randomUUID().toString();
        assertThat(shown(suggestions(SCOPE_QUESTION, other).statusCode(200)).values()).doesNotContainAnyElementsOf(first.values());

        // a showing older than the repeat window is not reused
        db.execute("UPDATE knowledge_answer_shown SET shown_at = shown_at - interval '11 minutes' WHERE asker_ref = $1", asker);
        Map<Long, String> later = shown(suggestions(SCOPE_QUESTION, asker).statusCode(200));
        assertThat(later.values()).doesNotContain(top);
        assertThat(shownTo(asker)).isEqualTo(recorded + later.size());
    }

    @Test
    void a_bad_question_or_asker_is_a_400_problem_naming_it_and_nothing_is_recorded() {
        String asker = UUID.randomUUID().toString();
        problem(given().queryParam("asker", asker).get("/api/v1/knowledge/suggestions").then(), "q");
        problem(suggestions("税", asker), "q");
        problem(suggestions("  ", asker), "q");
        problem(suggestions("x".repeat(501), asker), "q");
        problem(suggestions("变".repeat(501), asker), "q"); // refused by the rule, not by the request-line limit
        problem(suggestions(SCOPE_QUESTION, "not-a-uuid"), "asker");
        problem(given().queryParam("q", SCOPE_QUESTION).get("/api/v1/knowledge/suggestions").then(), "asker");
        assertThat(shownTo(asker)).isZero();
        assertThat(shownTo("not-a-uuid")).isZero();
        // 500 Chinese characters (4.5 KB percent-encoded) are still a question
        suggestions("变更经营范围".repeat(83) + "变更", asker).statusCode(200);
    }

    /** Each suggested article's record id, best first. */
    private static Map<Long, String> shown(ValidatableResponse response) {
        List<Map<String, Object>> suggestions = response.extract().jsonPath().getList("$");
        Map<Long, String> byArticle = new LinkedHashMap<>();
        suggestions.forEach(s -> byArticle.put(((Number) s.get("articleId")).longValue(), (String) s.get("shownId")));
        return byArticle;
    }

    private static void problem(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(startsWith("application/problem+json")).body("field", equalTo(field));
    }

    @Test
    void feedback_is_stored_and_can_be_changed_and_an_unknown_answer_is_a_404() {
        String shownId = suggestions(SCOPE_QUESTION, UUID.randomUUID().toString()).extract().path("[0].shownId");
        feedback(shownId, "{\"helpful\":true}").statusCode(204);
        assertThat(db.string("SELECT helpful::text FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isEqualTo("true");
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE id = $1::uuid AND feedback_at IS NOT NULL",
                shownId)).isEqualTo(1);
        feedback(shownId, "{\"helpful\":false}").statusCode(204);
        assertThat(db.string("SELECT helpful::text FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isEqualTo("false");

        feedback(UUID.randomUUID().toString(), "{\"helpful\":true}").statusCode(404)
                .contentType(startsWith("application/problem+json"));
        problem(feedback("123", "{\"helpful\":true}"), "shownId");
        feedback(shownId, "{}").statusCode(400).body("field", equalTo("helpful"));
        feedback(shownId, "{\"helpful\":\"yes\"}").statusCode(400).body("field", equalTo("helpful"));
        assertThat(db.string("SELECT helpful::text FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isEqualTo("false");
    }

    private static ValidatableResponse feedback(String shownId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/knowledge/answers/" + shownId + "/feedback").then();
    }

    @Test
    void feedback_from_a_signed_in_browser_needs_its_csrf_token() {
        String shownId = suggestions(SCOPE_QUESTION, UUID.randomUUID().toString()).extract().path("[0].shownId");
        String browser = StaffPages.cookieFor("agent-demo");
        StaffPages.browser(browser).contentType(ContentType.JSON).body("{\"helpful\":true}")
                .post("/api/v1/knowledge/answers/" + shownId + "/feedback").then().statusCode(403);
        assertThat(db.string("SELECT helpful::text FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isNull();
        StaffPages.browser(browser).header("X-CSRF-Token", StaffPages.csrfFor(browser)).contentType(ContentType.JSON)
                .body("{\"helpful\":true}").post("/api/v1/knowledge/answers/" + shownId + "/feedback").then().statusCode(204);
        assertThat(db.string("SELECT helpful::text FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isEqualTo("true");
    }

    @Test
    void an_appeal_filed_from_the_form_marks_what_its_typeahead_showed_in_the_last_day_as_followed() {
        String submissionId = UUID.randomUUID().toString();
        suggestions(SCOPE_QUESTION, submissionId).statusCode(200);
        suggestions("电子营业执照在哪里下载", submissionId).statusCode(200);
        long shown = shownTo(submissionId);
        assertThat(shown).isGreaterThanOrEqualTo(2);
        // one shown two days ago is not what this appeal followed
        db.execute("UPDATE knowledge_answer_shown SET shown_at = shown_at - interval '2 days' WHERE id = "
                + "(SELECT id FROM knowledge_answer_shown WHERE asker_ref = $1 LIMIT 1)", submissionId);
        String bystander = UUID.randomUUID().toString();
        suggestions(SCOPE_QUESTION, bystander).statusCode(200);

        String uscc = Usccs.random();
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("uscc", uscc).formParam("enterpriseName", "广州知识库测试有限公司")
                .formParam("contactName", "李四").formParam("contactMobile", "13912345678")
                .formParam("appealType", "CONSULT").formParam("category", "BIZ_REG").formParam("title", "变更经营范围咨询")
                .formParam("description", "我司拟变更经营范围，按网上的解答准备了材料，仍想确认是否齐全。")
                .formParam("consent", "on").formParam("submissionId", submissionId)
                .post("/appeals/new").then().statusCode(200).body(containsString("诉求已受理"));
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE uscc = $1", uscc);

        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1 AND followed_by = $2 "
                + "AND followed_at IS NOT NULL", submissionId, trackingNo)).isEqualTo(shown - 1);
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1 AND followed_by IS NULL",
                submissionId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1 AND followed_by IS NOT NULL",
                bystander)).isZero();
    }

    @Test
    void the_staff_variants_record_their_channel_and_are_for_their_roles_only() {
        String callId = "c-" + UUID.randomUUID();
        String agent = Appeals.tokenFor("agent-demo");
        given().auth().oauth2(agent).queryParam("q", SCOPE_QUESTION).queryParam("asker", callId)
                .get("/api/v1/knowledge/suggestions/phone").then().statusCode(200).body("[0].title", containsString("经营范围"));
        assertThat(db.string("SELECT DISTINCT channel FROM knowledge_answer_shown WHERE asker_ref = $1", callId)).isEqualTo("PHONE");
        given().queryParam("q", SCOPE_QUESTION).queryParam("asker", callId).get("/api/v1/knowledge/suggestions/phone")
                .then().statusCode(401);
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).queryParam("q", SCOPE_QUESTION).queryParam("asker", callId)
                .get("/api/v1/knowledge/suggestions/phone").then().statusCode(403);
        problem(given().auth().oauth2(agent).queryParam("q", SCOPE_QUESTION).queryParam("asker", "来电")
                .get("/api/v1/knowledge/suggestions/phone").then(), "asker");

        String commissioner = Appeals.tokenFor("commissioner-tax");
        String trackingNo = KnowledgeAnswersFixtures.submitConsult("知识库接口测试：经营范围", SCOPE_QUESTION + "？请告知。");
        given().auth().oauth2(commissioner).queryParam("q", SCOPE_QUESTION).queryParam("asker", trackingNo)
                .get("/api/v1/knowledge/suggestions/workqueue").then().statusCode(200);
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE channel = 'WORKQUEUE' AND asker_ref = $1",
                trackingNo)).isPositive();
        problem(given().auth().oauth2(commissioner).queryParam("q", SCOPE_QUESTION).queryParam("asker", "12345")
                .get("/api/v1/knowledge/suggestions/workqueue").then(), "asker");
        given().auth().oauth2(agent).queryParam("q", SCOPE_QUESTION).queryParam("asker", trackingNo)
                .get("/api/v1/knowledge/suggestions/workqueue").then().statusCode(403);
    }
}
