package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A PBX connector written for Zammad's Generic CTI works unchanged, and repeats or reorders do no harm. */
@QuarkusTest
class ZammadCtiResourceTest {

    private static final String URL = "/api/v1/cti/test-cti-token-0001";

    @Inject
    Database db;

    private static Map<String, Object> event(String event, String callId, String direction, String from, String to) {
        return new java.util.HashMap<>(Map.of("event", event, "callId", callId, "direction", direction, "from", from,
                "to", to, "user", List.of("坐席 张"), "queue", "enterprise-appeal"));
    }

    @Test
    void new_call_answer_hangup_as_json_and_again_shuffled_as_form_give_one_call_record() {
        String callId = "z-" + UUID.randomUUID();
        for (String step : List.of("newCall", "answer", "hangup")) {
            Map<String, Object> body = event(step, callId, "in", "13800138000", "020-12345");
            if (step.equals("hangup")) {
                body.put("cause", "normalClearing");
            }
            given().contentType(ContentType.JSON).body(body).post(URL).then().statusCode(200).body("$", anEmptyMap());
        }
        for (String step : List.of("hangup", "newCall", "answer")) {
            var form = given().contentType("application/x-www-form-urlencoded").formParam("event", step)
                    .formParam("callId", callId).formParam("direction", "in").formParam("from", "13800138000")
                    .formParam("to", "020-12345").formParam("user[]", "坐席 张");
            if (step.equals("hangup")) {
                form.formParam("cause", "normalClearing");
            }
            form.post(URL).then().statusCode(200);
        }
        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = $1", callId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = $1 AND answered_at IS NOT NULL "
                + "AND hung_up_at IS NOT NULL AND cause = 'normalClearing'", callId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM callback_task WHERE call_id = $1", callId)).isZero();
    }

    @Test
    void a_blocked_caller_is_rejected_busy() {
        given().contentType(ContentType.JSON).body(event("newCall", "z-" + UUID.randomUUID(), "in", "+86 139-0000-0000", "1"))
                .post(URL).then().statusCode(200).body("action", equalTo("reject")).body("reason", equalTo("busy"));
    }

    @Test
    void a_missed_call_is_called_back_and_the_answered_call_back_closes_the_task() {
        String missed = "z-" + UUID.randomUUID();
        String number = "137" + String.format("%08d", (int) (Math.random() * 1e8));
        given().contentType(ContentType.JSON).body(event("newCall", missed, "in", number, "1")).post(URL).then().statusCode(200);
        Map<String, Object> hangup = event("hangup", missed, "in", number, "1");
        hangup.put("cause", "noAnswer");
        given().contentType(ContentType.JSON).body(hangup).post(URL).then().statusCode(200);
        assertThat(db.count("SELECT count(*) FROM callback_task WHERE call_id = $1 AND closed_at IS NULL", missed)).isEqualTo(1);

        String back = "z-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(event("newCall", back, "out", "12345", "+86 " + number)).post(URL)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(event("answer", back, "out", "12345", number)).post(URL).then().statusCode(200);

        assertThat(db.string("SELECT closed_by_call FROM callback_task WHERE call_id = $1", missed)).isEqualTo(back);
    }

    @Test
    void a_wrong_token_is_401_and_a_bad_direction_422_and_neither_stores_anything() {
        String callId = "z-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(event("newCall", callId, "in", "13800138000", "1"))
                .post("/api/v1/cti/wrong-token").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(event("newCall", callId, "sideways", "13800138000", "1"))
                .post(URL).then().statusCode(422).body("field", equalTo("direction"));
        given().contentType(ContentType.JSON).body("{\"event\": \"newCall\", ").post(URL).then().statusCode(400);
        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = $1", callId)).isZero();
    }
}
