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

/** A commissioner works a TAX appeal from the queue: accept, first contact, reply — and nothing out of order. */
@QuarkusTest
class WorkQueueResourceTest {

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

    /** Every tracking number in the user's queue, page by page with the keyset the API hands out. */
    private static java.util.List<String> walkQueue(String user) {
        String token = Appeals.tokenFor(user);
        java.util.List<String> all = new java.util.ArrayList<>();
        String afterDue = null;
        long afterId = 0;
        for (int page = 0; page < 1000; page++) {
            var request = given().auth().oauth2(token).queryParam("limit", 100);
            if (afterDue != null) {
                request.queryParam("afterDue", afterDue).queryParam("afterId", afterId);
            }
            java.util.List<Map<String, Object>> items = request.get("/api/v1/workqueue").then().statusCode(200).extract()
                    .jsonPath().getList("");
            items.forEach(item -> all.add(((String) item.get("trackingNo")).strip()));
            Map<String, Object> last = items.isEmpty() ? null : items.get(items.size() - 1);
            if (last == null || last.get("handleDueAt") == null) {
                break;
            }
            afterDue = (String) last.get("handleDueAt");
            afterId = ((Number) last.get("appealId")).longValue();
        }
        return all;
    }

    @Test
    void accept_contact_reply_moves_the_appeal_stops_its_clocks_and_tells_the_outbox() {
        String no = submitTaxAppeal();
        long id = db.id(no);
        assertThat(walkQueue("commissioner-tax")).contains(no);

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
        assertThat(walkQueue("commissioner-samr")).doesNotContain(no);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("DISPATCHED");
    }

    @Test
    void a_reply_must_say_something() {
        String no = submitTaxAppeal();
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", "好的")).statusCode(400)
                .body("field", equalTo("answer"));
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", "已处理\u0000完毕请查收结果谢谢"))
                .statusCode(400);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("ACCEPTED");
    }
}
