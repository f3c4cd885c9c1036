package cn.huiyin.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Redis holds only what can be rebuilt: with it unreachable, intake still works and still dedupes. */
@QuarkusTest
@TestProfile(IntakeWithoutRedisTest.RedisDown.class)
class IntakeWithoutRedisTest {

    /** Points the client at a loopback port where nothing listens. */
    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Inject
    Database db;

    private static String submit(Map<String, Object> body, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
    }

    @Test
    void a_replayed_key_gets_the_first_tracking_number_from_the_database() {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();

        String first = submit(body, key);
        String second = submit(body, key);

        assertThat(second).isEqualTo(first);
        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(1);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", first)).isEqualTo("DISPATCHED");
    }

    @Test
    void racing_retries_without_redis_still_leave_one_appeal_and_one_answer() {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();
        Set<String> answers = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.runAsync(() -> answers.add(submit(body, key))));
        }
        calls.forEach(CompletableFuture::join);

        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(1);
        assertThat(answers).containsExactly(db.string("SELECT tracking_no FROM appeal WHERE uscc = $1", body.get("uscc")));
    }
}
