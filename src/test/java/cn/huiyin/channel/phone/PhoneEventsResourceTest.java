package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;

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
}
