package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.channel.phone.domain.CallRecord;
import cn.huiyin.channel.phone.persistence.CallLogRepository;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A PBX that never reports the hangup (the documented examples stop at the answer) must not keep a call on the
 * desk's 当前来电 for ever: after {@code huiyin.phone.stale-call-after} (2 h) without an event it is no longer
 * current, and it stays in the call log.
 */
@QuarkusTest
class StaleCallsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Database db;

    @Inject
    CallLogRepository calls;

    @Inject
    PhoneConfig config;

    private static String number() {
        return "137" + String.format("%08d", (int) (Math.random() * 1e8));
    }

    private static String newCall(String number) {
        String callId = "c-stale-" + UUID.randomUUID();
        assertThat(Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "newCall", callId, "in", number,
                Instant.now().toString(), "")).statusCode()).isBetween(200, 299);
        return callId;
    }

    private boolean current(String callId) {
        return calls.current(100_000).await().atMost(PATIENCE).stream().map(CallRecord::callId).anyMatch(callId::equals);
    }

    private static String desk() {
        String agent = given().redirects().follow(false).get("/demo/login/agent-demo?to=/desk/phone")
                .then().statusCode(303).extract().cookie("huiyin_token");
        return given().cookie("huiyin_token", agent).get("/desk/phone").then().statusCode(200).extract().asString();
    }

    @Test
    void a_call_without_an_event_for_two_hours_is_no_longer_current_but_stays_in_the_log() {
        assertThat(config.staleCallAfter()).isEqualTo(Duration.ofHours(2));
        String freshNumber = number();
        String staleNumber = number();
        String fresh = newCall(freshNumber);
        String stale = newCall(staleNumber);
        // its last event came just over two hours ago; the other's a little under
        db.execute("UPDATE call_record SET updated_at = now() - interval '2 hours 1 minute' WHERE call_id = $1", stale);
        db.execute("UPDATE call_record SET updated_at = now() - interval '1 hour 50 minutes' WHERE call_id = $1", fresh);

        assertThat(current(fresh)).isTrue();
        assertThat(current(stale)).isFalse();
        assertThat(calls.find(stale).await().atMost(PATIENCE)).isPresent();
        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = $1 AND hung_up_at IS NULL", stale)).isEqualTo(1);

        String page = desk();
        assertThat(page).contains("/desk/phone?callId=" + fresh).doesNotContain("/desk/phone?callId=" + stale)
                .doesNotContain(staleNumber);
    }

    @Test
    void a_new_event_makes_a_quiet_call_current_again_and_a_hangup_ends_it() {
        String number = number();
        String callId = newCall(number);
        db.execute("UPDATE call_record SET updated_at = now() - interval '3 hours' WHERE call_id = $1", callId);
        assertThat(current(callId)).isFalse();

        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "answer", callId, "in", number, Instant.now().toString(), ""));
        assertThat(current(callId)).isTrue();

        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "hangup", callId, "in", number, Instant.now().toString(),
                ",\"cause\":\"normalClearing\""));
        assertThat(current(callId)).isFalse();
        assertThat(calls.find(callId).await().atMost(PATIENCE).orElseThrow().hungUpAt()).isNotNull();
    }
}
