package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WorkQueues;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A commissioner works a TAX appeal from the queue: accept, first contact, reply — and nothing out of order. What a
 * hostile client sends to the same steps: every body that breaks a field rule is answered {@code 400 bad-request} (or
 * {@code 422} where the JSON reader already refuses the text) naming the JSON field, and the appeal — its status, its
 * events, its timeline — is left as it was.
 */
@QuarkusTest
class WorkQueueResourceTest {

    private static final String BAD_REQUEST = "https://huiyin.cn/problems/bad-request";
    private static final String INVALID_INPUT = "https://huiyin.cn/problems/invalid-input";

    @Inject
    Database db;

    private String queryCode;

    private String submitTaxAppeal() {
        var receipt = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract();
        queryCode = receipt.path("queryCode");
        return receipt.path("trackingNo");
    }

    private static io.restassured.response.ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(Appeals.tokenFor(user));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then();
    }

    @Test
    void accept_contact_reply_moves_the_appeal_stops_its_clocks_and_tells_the_outbox() {
        String no = submitTaxAppeal();
        long id = db.id(no);
        assertThat(WorkQueues.walk("commissioner-tax")).contains(no);

        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/first-contact", Map.of("note", "已电话联系王经理"))
                .statusCode(200).body("status", equalTo("HANDLING"));
        assertThat(db.string("SELECT (stopped_at IS NOT NULL)::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RESPOND'", id))
                .isEqualTo("true");
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply",
                Map.of("answer", "经核实，授信额度已按规定调增，请重新登录电子税务局开票。")).statusCode(200)
                .body("status", equalTo("REPLIED"));

        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND clock IN ('RESPOND', 'HANDLE') "
                + "AND stopped_at IS NULL", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM sla_timer t JOIN appeal_clock c ON c.id = t.clock_id WHERE t.appeal_id = $1 "
                + "AND c.clock = 'HANDLE' AND t.fired_at IS NULL", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE appeal_id = $1 AND event_type = 'AppealReplied'", id)).isEqualTo(1);
        given().header("X-Query-Code", queryCode).get("/api/v1/appeals/" + no).then()
                .body("timeline.find { it.type == 'REPLIED' }.detail", equalTo("经核实，授信额度已按规定调增，请重新登录电子税务局开票。"));
        given().auth().oauth2(Appeals.tokenFor("admin")).get("/api/v1/appeals/" + no + "/integrity").then()
                .body("intact", equalTo(true));
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + no).then()
                .body("timeline.type", hasItem("REPLIED")).body("status", equalTo("REPLIED"));
    }

    @Test
    void steps_out_of_order_are_refused_and_change_nothing() {
        String no = submitTaxAppeal();
        post("commissioner-tax", "/api/v1/appeals/" + no + "/first-contact", Map.of("note", "x")).statusCode(409)
                .body("type", equalTo("https://huiyin.cn/problems/illegal-transition"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(409);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("ACCEPTED");
        assertThat(db.count("SELECT event_count FROM appeal WHERE tracking_no = $1", no)).isEqualTo(3);
    }

    @Test
    void other_units_other_roles_and_anonymous_callers_are_refused() {
        String no = submitTaxAppeal();
        post("commissioner-samr", "/api/v1/appeals/" + no + "/accept", null).statusCode(404);
        post("leader-samr", "/api/v1/appeals/" + no + "/accept", null).statusCode(404);
        post("dispatcher-demo", "/api/v1/appeals/" + no + "/accept", null).statusCode(403);
        post("enterprise-demo", "/api/v1/appeals/" + no + "/accept", null).statusCode(403);
        given().post("/api/v1/appeals/" + no + "/accept").then().statusCode(401);
        assertThat(WorkQueues.walk("commissioner-samr")).doesNotContain(no);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("DISPATCHED");
    }

    @Test
    void a_reply_must_say_something() {
        String no = submitTaxAppeal();
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", "好的")).statusCode(400)
                .body("field", equalTo("answer"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", "已处理\u0000完毕请查收结果谢谢"))
                .statusCode(422).body("field", equalTo("answer")).body("errors[0].code", equalTo("answer.control"));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("ACCEPTED");
    }

    @Test
    void paging_goes_on_past_appeals_without_a_running_handling_clock() {
        String commissioner = "c-jus-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code) VALUES ($1, '司法局专员', 'commissioner', 'JUS')",
                commissioner);
        java.util.List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(given().contentType(ContentType.JSON).body(cn.huiyin.testsupport.Appeals.with("category", "LEGAL"))
                    .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo"));
        }
        for (String no : mine.subList(0, 2)) {
            db.execute("UPDATE appeal_clock SET stopped_at = now() WHERE appeal_id = $1 AND clock = 'HANDLE'", db.id(no));
        }
        assertThat(WorkQueues.walk(commissioner, 1)).containsAll(mine);
    }

    /** A TAX appeal that commissioner-tax has accepted, so that every step below is theirs to take. */
    private static String acceptedAppeal() {
        String no = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202).extract().path("trackingNo");
        step("commissioner-tax", no, "accept", null).statusCode(200);
        return no;
    }

    private static ValidatableResponse step(String user, String no, String step, Object body) {
        var request = given().auth().oauth2(Appeals.tokenFor(user));
        if (body instanceof String raw) {
            request.contentType(ContentType.JSON).body(raw);
        } else if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        String path = step.startsWith("/") ? step.replace("{no}", no) : "/api/v1/appeals/" + no + "/" + step;
        return request.post(path).then();
    }

    /** Status, event count and the timeline as the unit sees it. */
    private String state(String no) {
        List<String> timeline = given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + no)
                .then().statusCode(200).extract().path("timeline.type");
        return db.string("SELECT status || '/' || event_count FROM appeal WHERE tracking_no = $1", no) + " " + timeline;
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                arguments("reply", Map.of("answer", "答".repeat(10_000)), 400, BAD_REQUEST, "answer"),
                arguments("reply", Map.of("answer", "x".repeat(10_000)), 400, BAD_REQUEST, "answer"),
                arguments("reply", Map.of("answer", " \u3000 "), 400, BAD_REQUEST, "answer"),
                arguments("reply", Map.of(), 400, BAD_REQUEST, "answer"),
                arguments("reply", "null", 400, BAD_REQUEST, "body"),
                // the JSON reader refuses a control character before any field rule runs: 422, naming the field
                arguments("notes", Map.of("note", "已电话联系\u0007企业"), 422, INVALID_INPUT, "note"),
                arguments("first-contact", Map.of("note", "\u001b[2J已联系"), 422, INVALID_INPUT, "note"),
                arguments("notes", Map.of("note", "进展".repeat(501)), 400, BAD_REQUEST, "note"),
                arguments("transfer", Map.of("toUnit", "samr", "reason", "属于商事登记事项"), 400, BAD_REQUEST, "toUnit"),
                arguments("transfer", Map.of("toUnit", "SAMR'; DROP TABLE appeal; --", "reason", "属于商事登记事项"), 400,
                        BAD_REQUEST, "toUnit"),
                arguments("transfer", Map.of("toUnit", "SAMR\u200b", "reason", "属于商事登记事项"), 400, BAD_REQUEST, "toUnit"),
                arguments("return", Map.of("reason", "x"), 400, BAD_REQUEST, "reason"),
                arguments("extension-request", Map.of("clock", "handle", "workingDays", 3, "reason", "需现场核查"), 400,
                        BAD_REQUEST, "clock"),
                arguments("extension-request", Map.of("clock", "HANDLE", "workingDays", 10_000, "reason", "需现场核查"), 400,
                        BAD_REQUEST, "workingDays"),
                arguments("extension-request", Map.of("clock", "HANDLE", "workingDays", 3, "reason", "\u202e需".repeat(400)), 400,
                        BAD_REQUEST, "reason"));
    }

    @ParameterizedTest(name = "{0} {4}: {2}")
    @MethodSource("hostileBodies")
    void a_hostile_body_is_refused_naming_the_json_field_and_changes_nothing(String step, Object body, int status, String type,
            String field) {
        String no = acceptedAppeal();
        String before = state(no);

        step("commissioner-tax", no, step, body).statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(type)).body("status", equalTo(status)).body("field", equalTo(field));

        assertThat(state(no)).isEqualTo(before).startsWith("ACCEPTED/");
        assertThat(db.count("SELECT count(*) FROM extension_request WHERE appeal_id = $1", db.id(no))).isZero();
    }

    @Test
    void the_answer_names_the_field_and_its_rule_never_the_java_path_or_the_value() {
        String no = acceptedAppeal();
        String hostile = "<script>alert(1)</script>".repeat(400);

        String detail = step("commissioner-tax", no, "reply", Map.of("answer", hostile)).statusCode(400).extract().path("detail");

        assertThat(detail).isEqualTo("answer is 10 to 2000 characters, without control characters");
        step("commissioner-tax", no, "transfer", Map.of("toUnit", "samr", "reason", "属于商事登记事项")).statusCode(400)
                .body("detail", equalTo("toUnit is a unit code such as SAMR"));
    }

    @Test
    void the_first_broken_field_in_the_order_of_the_body_is_the_one_named() {
        String no = acceptedAppeal();
        step("commissioner-tax", no, "transfer", Map.of("toUnit", "samr", "reason", "x")).statusCode(400)
                .body("field", equalTo("toUnit"));
        step("commissioner-tax", no, "extension-request", Map.of("clock", "HANDLE", "workingDays", 0, "reason", "x"))
                .statusCode(400).body("field", equalTo("workingDays"));
    }

    @Test
    void the_dispatchers_and_administrators_bodies_follow_the_same_rules() {
        String no = acceptedAppeal();
        String before = state(no);
        step("dispatcher-demo", no, "/api/v1/dispatch/appeals/{no}/helpers", Map.of("unit", "samr")).statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo(BAD_REQUEST)).body("field", equalTo("unit"));
        step("dispatcher-demo", no, "/api/v1/dispatch/appeals/{no}/dispatch", Map.of("category", "tax_service")).statusCode(400)
                .body("field", equalTo("category"));
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("limit", 501).get("/api/v1/dispatch/queue")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("limit"));
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).queryParam("limit", 0).get("/api/v1/workqueue")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("limit"));
        // ISO-8601 reads a year the database cannot store: refused at the edge, not failing in the statement
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).queryParam("afterDue", "+999999-01-01T00:00:00Z")
                .queryParam("afterId", 1).get("/api/v1/workqueue")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("afterDue"));
        given().auth().oauth2(Appeals.tokenFor("admin")).contentType(ContentType.JSON).body(Map.of("commissioner", "x"))
                .put("/api/v1/admin/key-enterprises/91350100M000100Y4Z/commissioners/ECO").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("uscc"));
        assertThat(state(no)).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM appeal_helper_unit WHERE appeal_id = $1", db.id(no))).isZero();
    }

    @Test
    void text_that_only_looks_like_sql_or_markup_is_an_answer_like_any_other() {
        String no = acceptedAppeal();
        String answer = "'); DROP TABLE appeal; -- 已按 <b>规定</b> 办理完毕";

        step("commissioner-tax", no, "reply", Map.of("answer", answer)).statusCode(200).body("status", equalTo("REPLIED"));

        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + no).then()
                .body("timeline.find { it.type == 'REPLIED' }.detail", equalTo(answer));
    }
}
