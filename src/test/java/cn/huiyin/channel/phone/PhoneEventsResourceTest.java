package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class PhoneEventsResourceTest {

    @Inject
    Database db;

    private static String id() {
        return "evt-" + UUID.randomUUID();
    }

    private long storedEvents(String eventId) {
        return db.count("SELECT count(*) FROM cti_event WHERE event_id = $1", eventId);
    }

    @Test
    void a_work_order_becomes_one_appeal_dispatched_like_a_web_appeal_and_a_replay_gets_the_first_answer() {
        String eventId = id();
        String uscc = Usccs.random();
        String body = Cti.workOrder(eventId, "c-" + eventId, "13800138000", uscc, "TAX_SERVICE");

        var first = Cti.post(body);
        var replay = Cti.post(body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.<Boolean> path("duplicate")).isFalse();
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.<String> path("trackingNo")).isEqualTo(first.path("trackingNo"));
        assertThat(db.appealsOf(uscc)).isEqualTo(1);
        String trackingNo = first.path("trackingNo");
        given().auth().oauth2(Appeals.tokenFor("agent-demo")).get("/api/v1/appeals/" + trackingNo).then().statusCode(200)
                .body("channel", equalTo("PHONE")).body("status", equalTo("DISPATCHED"))
                .body("handlingUnit.code", equalTo("TAX")).body("timeline[0].actor", equalTo("agent:agent-007"));
    }

    @Test
    void recording_and_transcript_attach_to_the_appeal_by_call_id_in_any_order() {
        String callId = "c-" + UUID.randomUUID();
        Cti.post("{\"eventId\":\"" + id() + "\",\"event\":\"recordingReady\",\"callId\":\"" + callId
                + "\",\"occurredAt\":\"2026-11-25T02:00:00Z\",\"recordingId\":\"r1\",\"url\":\"https://pbx.example/r1.wav\","
                + "\"format\":\"wav\"}").response().then().statusCode(200);
        String trackingNo = Cti.post(Cti.workOrder(id(), callId, "13800138000", null, "TAX_SERVICE")).path("trackingNo");
        Cti.post("{\"eventId\":\"" + id() + "\",\"event\":\"transcriptReady\",\"callId\":\"" + callId
                + "\",\"occurredAt\":\"2026-11-25T02:05:00Z\",\"language\":\"zh-CN\",\"segments\":[{\"speaker\":\"caller\","
                + "\"startMs\":0,\"endMs\":1200,\"text\":\"你好\"}],\"fullText\":\"你好\"}").response().then().statusCode(200);

        assertThat(db.count("""
                SELECT count(*) FROM call_attachment t JOIN appeal a ON a.call_id = t.call_id WHERE a.tracking_no = $1""",
                trackingNo)).isEqualTo(2);
        assertThat(db.string("SELECT identity_state FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo("MISSING");
    }

    @Test
    void a_missed_call_delivered_twice_and_out_of_order_is_one_call_and_one_call_back() {
        String callId = "c-" + UUID.randomUUID();
        String from = "139" + String.format("%08d", (int) (Math.random() * 1e8));
        String hangup = Cti.callEvent(id(), "hangup", callId, "in", from, "2026-11-25T02:01:00Z", ",\"cause\":\"cancel\"");
        assertThat(Cti.post(hangup).statusCode()).isEqualTo(200);
        assertThat(Cti.post(Cti.callEvent(id(), "newCall", callId, "in", from, "2026-11-25T02:00:00Z", "")).statusCode())
                .isEqualTo(200);
        assertThat(Cti.post(Cti.callEvent(id(), "hangup", callId, "in", from, "2026-11-25T02:01:00Z", ",\"cause\":\"cancel\""))
                .statusCode()).isEqualTo(200);

        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = $1", callId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM callback_task WHERE call_id = $1 AND closed_at IS NULL", callId)).isEqualTo(1);
        assertThat(db.string("SELECT new_call_at::text FROM call_record WHERE call_id = $1", callId))
                .isEqualTo("2026-11-25 02:00:00+00");
    }

    @Test
    void a_stale_timestamp_a_bad_signature_and_an_unknown_key_are_refused_and_nothing_is_stored() {
        String eventId = id();
        String body = Cti.workOrder(eventId, "c-x", "13800138000", null, "TAX_SERVICE");
        String stale = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
        String now = String.valueOf(Instant.now().getEpochSecond());

        assertThat(Cti.post(body, Cti.KEY_ID, Cti.SECRET, stale).statusCode()).isEqualTo(401);
        assertThat(Cti.post(body, Cti.KEY_ID, "not-the-secret", now).statusCode()).isEqualTo(401);
        assertThat(Cti.post(body, "no-such-key", Cti.SECRET, now).statusCode()).isEqualTo(401);
        given().contentType("application/json").body(body).post("/api/v1/channels/phone/events").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(storedEvents(eventId)).isZero();
        assertThat(db.count("SELECT count(*) FROM appeal WHERE dedupe_key = $1", "PHONE:" + eventId)).isZero();
    }

    @Test
    void a_rotated_key_is_accepted_alongside_the_old_one() {
        String now = String.valueOf(Instant.now().getEpochSecond());
        assertThat(Cti.post(Cti.callEvent(id(), "newCall", "c-" + UUID.randomUUID(), "in", "13800138000",
                "2026-11-25T02:00:00Z", ""), "rotated", "cti-rotated-secret-0002", now).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventId\":\"%s\",\"event\":\"newCall\",\"callId\":\"c1\",\"direction\":\"sideways\",\"from\":\"13800138000\",\"to\":\"1\",\"occurredAt\":\"2026-11-25T02:00:00Z\"}",
            "{\"eventId\":\"%s\",\"event\":\"teleport\",\"callId\":\"c1\",\"occurredAt\":\"2026-11-25T02:00:00Z\"}",
            "{\"eventId\":\"%s\",\"event\":\"workOrder\",\"callId\":\"c1\",\"occurredAt\":\"2026-11-25T02:00:00Z\",\"agentId\":\"a\",\"contact\":{\"name\":\"王\",\"mobile\":\"12345\"},\"description\":\"足够长的一段来电内容描述文字\"}",
            "{\"eventId\":\"%s\",\"event\":\"workOrder\",\"callId\":\"c1\",\"occurredAt\":\"2026-11-25T02:00:00Z\",\"agentId\":\"a\",\"contact\":{\"name\":\"王\",\"mobile\":\"13800138000\"},\"enterprise\":{\"uscc\":\"914403001922038217\"},\"description\":\"足够长的一段来电内容描述文字\"}",
            "{\"eventId\":\"%s\",\"event\":\"newCall\",\"callId\":\"c1\",\"direction\":\"in\",\"from\":\"13800138000\",\"to\":\"1\",\"occurredAt\":\"yesterday\"}",
            "{\"eventId\":\"%s\",\"event\":\"newCall\",\"callId\":\"c1\",\"direction\":\"in\",\"from\":\"13800138000\",\"to\":\"1\",\"occurredAt\":\"+999999-01-01T00:00:00Z\"}",
            "{\"eventId\":\"%s\", \"event\": ",
            "{\"eventId\":\"%s\",\"event\":\"newCall\",\"direction\":\"in\",\"from\":\"13800138000\",\"to\":\"1\",\"occurredAt\":\"2026-11-25T02:00:00Z\"}",
    })
    void malformed_or_invalid_events_get_a_problem_and_store_nothing(String template) {
        String eventId = id();
        var response = Cti.post(String.format(template, eventId));
        assertThat(response.statusCode()).isBetween(400, 422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents(eventId)).isZero();
        assertThat(db.count("SELECT count(*) FROM appeal WHERE dedupe_key = $1", "PHONE:" + eventId)).isZero();
    }

    @Test
    void a_work_order_with_an_overlong_call_id_is_refused_not_failed() {
        String eventId = id();
        var response = Cti.post(Cti.workOrder(eventId, "c".repeat(101), "13800138000", null, "TAX_SERVICE"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.<String> path("field")).isEqualTo("callId");
        assertThat(storedEvents(eventId)).isZero();
    }

    @Test
    void an_answer_arriving_after_its_hangup_means_the_call_was_not_missed() {
        String callId = "c-" + UUID.randomUUID();
        Cti.post(Cti.callEvent(id(), "newCall", callId, "in", "13800138000", "2026-11-25T02:00:00Z", ""));
        Cti.post(Cti.callEvent(id(), "hangup", callId, "in", "13800138000", "2026-11-25T02:03:00Z", ",\"cause\":\"normalClearing\""));
        assertThat(db.count("SELECT count(*) FROM callback_task WHERE call_id = $1 AND closed_at IS NULL", callId)).isEqualTo(1);

        Cti.post(Cti.callEvent(id(), "answer", callId, "in", "13800138000", "2026-11-25T02:00:10Z", ""));

        assertThat(db.count("SELECT count(*) FROM callback_task WHERE call_id = $1 AND closed_at IS NULL", callId)).isZero();
    }

    // hostile input: every case is refused with the field named, before anything is stored

    private long storedAppeals(String eventId) {
        return db.count("SELECT count(*) FROM appeal WHERE dedupe_key = $1", "PHONE:" + eventId);
    }

    private void refusedAndNothingStored(String eventId, ExtractableResponse<Response> response, int status, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String> path("field")).isEqualTo(field);
        assertThat(storedEvents(eventId)).isZero();
        assertThat(storedAppeals(eventId)).isZero();
    }

    /** A work order whose {@code original} text is replaced by {@code hostile}; the plain order is accepted. */
    private static String order(String eventId, String original, String hostile) {
        String body = Cti.workOrder(eventId, "c-" + eventId, "13800138000", "914403001922038216", "TAX_SERVICE");
        assertThat(body).contains(original);
        return body.replace(original, hostile);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a number as the contact's name    | \"name\":\"王先生\"              | \"name\":123                     | contact.name",
            "a number as the mobile            | \"mobile\":\"13800138000\"      | \"mobile\":13800138000           | contact.mobile",
            "a boolean as the description      | \"description\":\"来电人反映     | \"description\":true,\"x\":\"   | description",
            "a number as the USCC              | \"uscc\":\"914403001922038216\" | \"uscc\":914403001922038216      | enterprise.uscc",
            "an object as the agent id         | \"agentId\":\"agent-007\"       | \"agentId\":{\"id\":\"7\"}    | agentId",
            "a string as the contact           | \"contact\":{\"name\":\"王先生\",\"mobile\":\"13800138000\"} | \"contact\":\"王先生 13800138000\" | contact",
            "urgent as 1                       | \"externalTicketNo\"               | \"urgent\":1,\"externalTicketNo\"      | urgent",
            "urgent as the string true         | \"externalTicketNo\"               | \"urgent\":\"true\",\"externalTicketNo\" | urgent",
            "urgent as 10^30                   | \"externalTicketNo\"               | \"urgent\":1e30,\"externalTicketNo\"   | urgent",
    })
    void a_work_order_field_of_the_wrong_json_type_is_refused_naming_it(String name, String original, String hostile,
            String field) {
        String eventId = id();
        var response = Cti.post(order(eventId, original.strip(), hostile.strip()));
        refusedAndNothingStored(eventId, response, 422, field);
        assertThat(response.<String> path("errors[0].code")).isEqualTo(field + ".type");
    }

    @Test
    void a_name_given_twice_in_one_object_is_refused() {
        String eventId = id();
        var response = Cti.post(order(eventId, "\"mobile\":\"13800138000\"",
                "\"mobile\":\"13800138000\",\"mobile\":\"13900139000\""));
        refusedAndNothingStored(eventId, response, 400, "contact.mobile");
        assertThat(response.<String> path("type")).endsWith("/malformed-json");
    }

    @Test
    void content_after_the_json_object_is_refused() {
        String eventId = id();
        String body = Cti.workOrder(eventId, "c-" + eventId, "13800138000", null, "TAX_SERVICE");
        refusedAndNothingStored(eventId, Cti.post(body + "{\"eventId\":\"" + id() + "\"}"), 400, null);
        refusedAndNothingStored(eventId, Cti.post(body + " x"), 400, null);
    }

    @Test
    void a_body_that_is_not_valid_utf8_is_refused_even_where_jackson_would_read_it() {
        String eventId = id();
        byte[] body = Cti.workOrder(eventId, "c-" + eventId, "13800138000", null, "TAX_SERVICE")
                .replace("王先生", "王先生AB").getBytes(StandardCharsets.UTF_8);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("AB");
        body[at] = (byte) 0xC1; // an overlong encoding of '_': never valid UTF-8
        body[at + 1] = (byte) 0x9F;
        refusedAndNothingStored(eventId, Cti.post(body), 400, "body");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an escape in the description | \\u001b[31m | description | description.control",
            "a NUL in the description     | \\u0000     | description | description.control",
            "a lone surrogate             | \\ud800      | description | description.unicode",
    })
    void text_that_cannot_be_stored_is_refused_naming_the_field(String name, String escape, String field, String code) {
        String eventId = id();
        var response = Cti.post(order(eventId, "来电人反映", "来电人" + escape + "反映"));
        refusedAndNothingStored(eventId, response, 422, field);
        assertThat(response.<String> path("errors[0].code")).isEqualTo(code);
    }

    @Test
    void a_transcript_with_a_control_character_deep_inside_is_refused_and_not_attached() {
        String eventId = id();
        String callId = "c-" + UUID.randomUUID();
        var response = Cti.post("{\"eventId\":\"" + eventId + "\",\"event\":\"transcriptReady\",\"callId\":\"" + callId
                + "\",\"occurredAt\":\"2026-11-25T02:05:00Z\",\"language\":\"zh-CN\",\"segments\":[{\"speaker\":\"caller\","
                + "\"text\":\"你好\\u0007\"}]}");
        refusedAndNothingStored(eventId, response, 422, "segments[0].text");
        assertThat(db.count("SELECT count(*) FROM call_attachment WHERE call_id = $1", callId)).isZero();
    }

    @Test
    void an_event_id_or_call_id_that_is_not_a_string_is_refused() {
        String eventId = id();
        refusedAndNothingStored(eventId, Cti.post(Cti.workOrder(eventId, "c-1", "13800138000", null, "TAX_SERVICE")
                .replace("\"callId\":\"c-1\"", "\"callId\":42")), 400, "callId");
        String numeric = String.valueOf(System.nanoTime());
        refusedAndNothingStored(numeric, Cti.post(Cti.workOrder(numeric, "c-1", "13800138000", null, "TAX_SERVICE")
                .replace("\"eventId\":\"" + numeric + "\"", "\"eventId\":" + numeric)), 400, "eventId");
    }

    @Test
    void a_work_order_without_a_call_id_becomes_an_appeal_with_no_call() {
        String eventId = id();
        String uscc = Usccs.random();
        String body = Cti.workOrder(eventId, "unused", "13800138000", uscc, "TAX_SERVICE").replace("\"callId\":\"unused\",", "");
        assertThat(body).doesNotContain("callId");

        var first = Cti.post(body);
        var replay = Cti.post(body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.<String> path("trackingNo")).isEqualTo(first.path("trackingNo"));
        assertThat(db.appealsOf(uscc)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE tracking_no = $1 AND call_id IS NULL",
                first.<String> path("trackingNo"))).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM cti_event WHERE event_id = $1 AND call_id IS NULL", eventId)).isEqualTo(1);
    }

    @Test
    void a_call_event_without_a_call_id_is_still_refused() {
        String eventId = id();
        refusedAndNothingStored(eventId, Cti.post(Cti.callEvent(eventId, "newCall", "x", "in", "13800138000",
                "2026-11-25T02:00:00Z", "").replace("\"callId\":\"x\",", "")), 400, "callId");
    }

    @Test
    void an_event_id_whose_first_answer_was_lost_and_now_carries_another_order_is_refused_naming_the_first_appeal() {
        String eventId = id();
        String uscc = Usccs.random();
        String body = Cti.workOrder(eventId, "c-" + eventId, "13800138000", uscc, "TAX_SERVICE");
        String trackingNo = Cti.post(body).path("trackingNo");
        db.execute("DELETE FROM cti_event WHERE event_id = $1", eventId); // as if the answer had never been kept

        var response = Cti.post(body.replace("王先生", "李女士"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.<String> path("type")).endsWith("/idempotency-key-reused");
        assertThat(response.<String> path("field")).isEqualTo("eventId");
        assertThat(response.<String> path("detail")).contains(trackingNo);
        assertThat(storedEvents(eventId)).isZero();
        assertThat(db.appealsOf(uscc)).isEqualTo(1);
        assertThat(db.string("SELECT contact_name FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo("王先生");
    }
}
