package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    // hostile input: refused with the field named, and no call is logged

    private long calls(String callId) {
        return db.count("SELECT count(*) FROM call_record WHERE call_id = $1", callId);
    }

    @Test
    void a_json_text_field_that_is_not_a_string_is_refused_naming_it() {
        String callId = "z-" + UUID.randomUUID();
        Map<String, Object> numeric = event("newCall", callId, "in", "x", "1");
        numeric.put("from", 13800138000L);
        given().contentType(ContentType.JSON).body(numeric).post(URL).then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("from"))
                .body("errors[0].code", equalTo("from.type"));
        Map<String, Object> users = event("newCall", callId, "in", "13800138000", "1");
        users.put("user", List.of("坐席 张", 7));
        given().contentType(ContentType.JSON).body(users).post(URL).then().statusCode(422).body("field", equalTo("user"));
        Map<String, Object> flag = event("newCall", callId, "in", "13800138000", "1");
        flag.put("direction", true);
        given().contentType(ContentType.JSON).body(flag).post(URL).then().statusCode(422).body("field", equalTo("direction"));
        assertThat(calls(callId)).isZero();
    }

    @Test
    void a_json_body_with_a_name_twice_or_content_after_it_is_refused() {
        String callId = "z-" + UUID.randomUUID();
        String body = "{\"event\":\"newCall\",\"direction\":\"in\",\"from\":\"13800138000\",\"to\":\"1\",\"callId\":\""
                + callId + "\"";
        given().contentType(ContentType.JSON).body(body + ",\"from\":\"13900139000\"}").post(URL).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from"));
        given().contentType(ContentType.JSON).body(body + "}{}").post(URL).then().statusCode(400)
                .body("type", endsWith("/malformed-json"));
        assertThat(calls(callId)).isZero();
    }

    @Test
    void a_json_string_with_a_lone_surrogate_is_refused() {
        String callId = "z-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"event\":\"newCall\",\"direction\":\"in\",\"from\":\"13800138000\","
                + "\"to\":\"1\",\"queue\":\"q\\udc00\",\"callId\":\"" + callId + "\"}").post(URL).then().statusCode(422)
                .body("field", equalTo("queue")).body("errors[0].code", equalTo("queue.unicode"));
        assertThat(calls(callId)).isZero();
    }

    @Test
    void a_wrong_token_is_told_before_the_body_is_read() {
        given().contentType(ContentType.JSON).body("{\"event\": ").post("/api/v1/cti/wrong-token").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddFormValues")
    void odd_form_values_are_refused_never_a_server_error(String name, String field, String value, String refusedField) {
        String callId = "z-" + UUID.randomUUID();
        Map<String, String> form = new java.util.HashMap<>(Map.of("event", "newCall", "direction", "in",
                "from", "13800138000", "to", "020-12345", "callId", callId));
        form.put(field, value);
        var response = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form).post(URL)
                .then().extract();
        // a NUL may already be refused by the form decoder (400), otherwise by the event's rules (422)
        assertThat(response.statusCode()).isIn(400, 422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String> path("field")).isEqualTo(refusedField);
        assertThat(calls(callId)).isZero();
        if (field.equals("callId")) {
            assertThat(calls(value)).isZero();
        }
    }

    static Stream<Arguments> oddFormValues() {
        return Stream.of(
                Arguments.of("an empty from", "from", "", "from"),
                Arguments.of("a NUL in from", "from", "138\u00000138000", "from"),
                Arguments.of("5,000 characters of from", "from", "1".repeat(5_000), "from"),
                Arguments.of("5,000 characters of queue", "queue", "q".repeat(5_000), "queue"),
                Arguments.of("5,000 characters of call id", "callId", "c".repeat(5_000), "callId"));
    }
}
