package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Routing's threshold, the dispatcher's desk, transfers, returns within the window, extensions and merges. */
@QuarkusTest
class DispatchDeskTest {

    /** A text the classifier cannot place with confidence. */
    static final Map<String, Object> VAGUE = Map.of("title", "想咨询一个问题", "description", "请问我们公司遇到的这个情况应该找哪个部门，麻烦告知一下，谢谢。");

    @Inject
    Database db;

    private static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    private static Map<String, Object> uncategorised(Map<String, Object> text) {
        Map<String, Object> body = Appeals.with("category", null);
        body.putAll(text);
        return body;
    }

    private static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(Appeals.tokenFor(user));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then();
    }

    @Test
    void a_clear_text_is_placed_by_the_classifier_and_a_vague_one_waits_for_the_dispatcher_with_suggestions() {
        String clear = submit(uncategorised(Map.of("title", "增值税专用发票开具与申报问题",
                "description", "我司在电子税务局申报增值税时无法开具专用发票，税控盘提示报错，纳税申报期快到了，请税务局协助处理。")));
        assertThat(db.string("SELECT status || '/' || handling_unit || '/' || category FROM appeal WHERE tracking_no = $1", clear))
                .isEqualTo("DISPATCHED/TAX/TAX_SERVICE");
        assertThat(db.string("SELECT payload FROM appeal_event WHERE appeal_id = $1 AND type = 'DISPATCHED'", db.id(clear)))
                .contains("\"routedBy\":\"CLASSIFIER\"");

        String vague = submit(uncategorised(VAGUE));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", vague)).isEqualTo("RECEIVED");
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("limit", 500).get("/api/v1/dispatch/queue")
                .then().statusCode(200).body("trackingNo", hasItem(vague))
                .body("find { it.trackingNo == '" + vague + "' }.suggestions.size()", equalTo(3))
                .body("find { it.trackingNo == '" + vague + "' }.suggestions[0].category", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void a_manual_dispatch_places_the_appeal_starts_its_clocks_and_becomes_a_training_example() {
        String vague = submit(uncategorised(VAGUE));
        long examples = db.count("SELECT count(*) FROM routing_example WHERE source = 'CORRECTION'");
        post("commissioner-samr", "/api/v1/dispatch/appeals/" + vague + "/dispatch", Map.of("category", "BIZ_REG")).statusCode(403);
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + vague + "/dispatch", Map.of("category", "NOPE")).statusCode(400)
                .body("field", equalTo("category"));
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + vague + "/dispatch", Map.of("category", "OTHER")).statusCode(400)
                .body("field", equalTo("unit"));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", vague)).isEqualTo("RECEIVED");

        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + vague + "/dispatch", Map.of("category", "BIZ_REG")).statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        assertThat(db.string("SELECT handling_unit || '/' || category FROM appeal WHERE tracking_no = $1", vague)).isEqualTo("SAMR/BIZ_REG");
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND stopped_at IS NULL", db.id(vague))).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM routing_example WHERE source = 'CORRECTION'")).isEqualTo(examples + 1);
        // placed once: a second dispatch is refused
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + vague + "/dispatch", Map.of("category", "BIZ_REG")).statusCode(409);
    }

    @Test
    void a_transfer_moves_the_appeal_to_the_other_unit_with_custody_and_a_new_return_window() {
        String no = submit(Appeals.validSubmission()); // TAX
        post("commissioner-samr", "/api/v1/appeals/" + no + "/transfer", Map.of("toUnit", "SAMR", "reason", "不是我们的")).statusCode(404);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/transfer", Map.of("toUnit", "NOWHERE", "reason", "转市场监管")).statusCode(400)
                .body("field", equalTo("toUnit"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/transfer", Map.of("toUnit", "SAMR")).statusCode(400)
                .body("field", equalTo("reason"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/transfer", Map.of("toUnit", "SAMR", "reason", "属于商事登记事项"))
                .statusCode(200).body("status", equalTo("DISPATCHED"));

        long id = db.id(no);
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE id = $1", id)).isEqualTo("SAMR");
        assertThat(db.string("SELECT string_agg(unit_code || ':' || (until_at IS NULL)::text, ',' ORDER BY id) FROM custody WHERE appeal_id = $1", id))
                .isEqualTo("TAX:false,SAMR:true");
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RETURN_WINDOW'", id)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND clock = 'HANDLE' AND stopped_at IS NULL", id)).isEqualTo(1);
        // TAX no longer works it; SAMR does
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(404);
        post("leader-samr", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
    }

    @Test
    void a_return_within_the_window_goes_to_the_dispatcher_who_re_dispatches_or_refuses_it() {
        String no = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + no + "/return", Map.of("reason", "属于市场监管事项，非税务")).statusCode(200)
                .body("status", equalTo("RETURNED"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(409);
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("limit", 500).get("/api/v1/dispatch/queue")
                .then().statusCode(200)
                .body("find { it.trackingNo == '" + no + "' }.returnReason", equalTo("属于市场监管事项，非税务"))
                .body("find { it.trackingNo == '" + no + "' }.returnedBy", equalTo("TAX"));

        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + no + "/return-decision",
                Map.of("accept", true, "toUnit", "SAMR", "reason", "同意退回，改派市场监管局")).statusCode(200).body("status", equalTo("DISPATCHED"));
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", no)).isEqualTo("SAMR");

        String refused = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + refused + "/return", Map.of("reason", "不属于我局职责")).statusCode(200);
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + refused + "/return-decision",
                Map.of("accept", false, "reason", "属于纳税服务，请办理")).statusCode(200).body("status", equalTo("DISPATCHED"));
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", refused)).isEqualTo("TAX");
        // the window was used: no second return
        post("commissioner-tax", "/api/v1/appeals/" + refused + "/return", Map.of("reason", "还是不属于我局")).statusCode(409);
    }

    @Test
    void a_return_after_the_window_is_refused_and_changes_nothing() {
        String no = submit(Appeals.validSubmission());
        db.execute("UPDATE appeal_clock SET due_at = now() - interval '1 minute' WHERE appeal_id = $1 AND clock = 'RETURN_WINDOW'", db.id(no));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/return", Map.of("reason", "不属于我局职责")).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("return window"));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("DISPATCHED");
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'RETURNED'", db.id(no))).isZero();
    }

    @Test
    void an_extension_request_waits_for_a_decision_and_an_approval_extends_the_clock_once() {
        String no = submit(Appeals.validSubmission());
        long id = db.id(no);
        String dueBefore = db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'HANDLE'", id);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/extension-request",
                Map.of("clock", "HANDLE", "workingDays", 11, "reason", "需现场核查")).statusCode(400).body("field", equalTo("workingDays"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/extension-request",
                Map.of("clock", "HANDLE", "workingDays", 3, "reason", "需现场核查")).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/extension-request",
                Map.of("clock", "HANDLE", "workingDays", 2, "reason", "再补一次")).statusCode(409);

        long requestId = Long.parseLong(db.string("SELECT id::text FROM extension_request WHERE appeal_id = $1", id));
        post("leader-samr", "/api/v1/dispatch/extension-requests/" + requestId + "/decision", Map.of("approve", true)).statusCode(404);
        post("dispatcher-demo", "/api/v1/dispatch/extension-requests/" + requestId + "/decision", Map.of("approve", true))
                .statusCode(200).body("approved", equalTo(true));
        assertThat(db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'HANDLE'", id)).isNotEqualTo(dueBefore);
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'EXTENDED'", id)).isEqualTo(1);
        post("dispatcher-demo", "/api/v1/dispatch/extension-requests/" + requestId + "/decision", Map.of("approve", true)).statusCode(404);
    }

    @Test
    void a_merged_duplicate_stops_its_clocks_and_receives_the_parents_answer() {
        String parent = submit(Appeals.validSubmission());
        String child = submit(Appeals.validSubmission());
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + child + "/merge", Map.of("parent", child)).statusCode(400);
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + child + "/merge", Map.of("parent", parent)).statusCode(200)
                .body("status", equalTo("MERGED"));
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND stopped_at IS NULL", db.id(child))).isZero();

        post("commissioner-tax", "/api/v1/appeals/" + parent + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + parent + "/reply", Map.of("answer", "经核实，授信额度已调增，请重新开票。"))
                .statusCode(200);
        assertThat(db.string("SELECT payload FROM appeal_event WHERE appeal_id = $1 AND type = 'REPLIED_WITH_PARENT'", db.id(child)))
                .contains("授信额度已调增");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE appeal_id = $1 AND event_type = 'AppealReplied'", db.id(child))).isEqualTo(1);
    }

    @Test
    void progress_notes_are_internal_unless_marked_for_the_enterprise() {
        String no = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + no + "/notes", Map.of("note", "已联系税源管理科")).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/notes", Map.of("note", "正在核查授信额度", "visibleToEnterprise", true))
                .statusCode(200);
        post("commissioner-samr", "/api/v1/appeals/" + no + "/notes", Map.of("note", "越权备注")).statusCode(404);
        assertThat(db.string("SELECT string_agg(visibility, ',' ORDER BY seq) FROM appeal_event WHERE appeal_id = $1 AND type = 'NOTE'",
                db.id(no))).isEqualTo("INTERNAL,PUBLIC");
    }

    @Test
    void the_waiting_list_pages_after_the_previous_pages_last_tracking_number() {
        String first = submit(uncategorised(VAGUE));
        String second = submit(uncategorised(VAGUE));
        String third = submit(uncategorised(VAGUE));
        var desk = given().auth().oauth2(Appeals.tokenFor("dispatcher-demo"));
        desk.queryParam("after", first).queryParam("limit", 2).get("/api/v1/dispatch/queue").then().statusCode(200)
                .body("trackingNo", org.hamcrest.Matchers.contains(second, third));
        // as people write it, with spaces
        String spaced = second.substring(0, 6) + " " + second.substring(6);
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("after", spaced).queryParam("limit", 1)
                .get("/api/v1/dispatch/queue").then().statusCode(200).body("trackingNo", org.hamcrest.Matchers.contains(third));
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("after", "HY0000000000X")
                .get("/api/v1/dispatch/queue").then().statusCode(400).body("field", equalTo("after"));
    }
}
