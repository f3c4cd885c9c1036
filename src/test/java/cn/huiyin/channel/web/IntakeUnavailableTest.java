package cn.huiyin.channel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.intake.persistence.OutageIntakeRepository;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A 503 {@code intake-unavailable} during an outage, seen from the client: it says the appeal may or may not be
 * stored and to retry with the same key, and the retry answers {@code replayed: true} only when an earlier attempt
 * had stored the appeal — never when the retry is what stores it.
 */
@QuarkusTest
@TestProfile(IntakeUnavailableTest.Outage.class)
class IntakeUnavailableTest {

    /**
     * The intake's database can be made unreachable, for storing and for asking apart; the log runs with the filter
     * production is advised to use for outages (docs/operations.md), so a filter that does not load stops this test.
     */
    public static class Outage implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(OutageIntakeRepository.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.filter", "sql-pool-timer-noise");
        }
    }

    @Inject
    Database db;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @AfterEach
    void heal() {
        OutageIntakeRepository.heal();
    }

    private static ExtractableResponse<Response> submit(Map<String, Object> body, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/appeals").then().extract();
    }

    private static void unavailable(ExtractableResponse<Response> response, String sameKey) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String> path("type")).endsWith("/intake-unavailable");
        assertThat(response.<String> path("detail")).contains("may or may not have been stored").contains(sameKey)
                .doesNotContain("could not be stored");
    }

    /**
     * PostgreSQL down: nobody can ask which appeal the key holds, and the appeal was either refused (the retry stores
     * it: no replay) or stored before the answer could be confirmed (the retry finds it: a replay).
     */
    @ParameterizedTest(name = "stored before the retry: {0}")
    @ValueSource(booleans = { false, true })
    void the_retry_is_a_replay_only_when_the_appeal_was_stored_before_it(boolean storedBefore) {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();
        OutageIntakeRepository.refuseInserts.set(!storedBefore);
        OutageIntakeRepository.failLookups.set(true);

        unavailable(submit(body, key), "same Idempotency-Key");
        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(storedBefore ? 1 : 0);
        OutageIntakeRepository.heal();

        ExtractableResponse<Response> retry = submit(body, key);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.<Boolean> path("replayed")).isEqualTo(storedBefore);
        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(1);
        assertThat(db.string("SELECT tracking_no FROM appeal WHERE uscc = $1", body.get("uscc")))
                .isEqualTo(retry.path("trackingNo"));
    }

    /**
     * Refused while the database still answers that nothing is stored: the appeal may yet land under the number it was
     * sent with (a Kafka record the producer keeps retrying, a batch whose commit is acknowledged too late), so the key
     * keeps that number and the retry stores the appeal under it — never under a second number nobody will find.
     */
    @Test
    void an_unclear_refusal_keeps_the_reserved_number_for_the_retry() {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();
        OutageIntakeRepository.refuseInserts.set(true);

        unavailable(submit(body, key), "same Idempotency-Key");
        String reservation = redis.value(String.class).get(keyPrefix + "dedupe:WEB:" + key);
        assertThat(reservation).as("the key's reservation after the 503").isNotNull();
        String reserved = reservation.substring(0, reservation.indexOf('|'));
        OutageIntakeRepository.heal();

        ExtractableResponse<Response> retry = submit(body, key);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.<String> path("trackingNo")).isEqualTo(reserved);
        assertThat(retry.<Boolean> path("replayed")).isFalse();
        assertThat(db.string("SELECT tracking_no FROM appeal WHERE uscc = $1", body.get("uscc"))).isEqualTo(reserved);
    }

    @Test
    void a_work_order_refused_in_an_outage_is_told_to_come_again_and_then_stored_once() {
        String eventId = "wo-" + UUID.randomUUID();
        String uscc = Usccs.random();
        String order = Cti.workOrder(eventId, "c-" + eventId, "13800138000", uscc, "TAX_SERVICE");
        OutageIntakeRepository.refuseInserts.set(true);

        unavailable(Cti.post(order), "same eventId");
        assertThat(db.appealsOf(uscc)).isZero();
        OutageIntakeRepository.heal();

        ExtractableResponse<Response> again = Cti.post(order);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.<Boolean> path("duplicate")).isFalse();
        assertThat(db.appealsOf(uscc)).isEqualTo(1);
    }
}
