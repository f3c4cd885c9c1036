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
import cn.huiyin.testsupport.WorkQueues;
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
}
