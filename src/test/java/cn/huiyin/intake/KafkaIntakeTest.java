package cn.huiyin.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The same intake stream bound to a real Kafka broker by configuration alone: the web channel's answer
 * now means "acknowledged by Kafka", and the consumer group stores the appeal.
 */
@QuarkusTest
@TestProfile(KafkaIntakeTest.OnKafka.class)
@WithTestResource(KafkaBrokerResource.class)
class KafkaIntakeTest {

    public static class OnKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.intake.transport", "smallrye-kafka");
        }
    }

    @Inject
    Database db;

    @Test
    void an_appeal_travels_through_kafka_and_is_stored_and_dispatched_once() {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();
        String trackingNo = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                db.string("SELECT status FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo("DISPATCHED"));
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo("TAX");

        String replayed = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
        assertThat(replayed).isEqualTo(trackingNo);
        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id "
                + "WHERE a.tracking_no = $1", trackingNo)).isEqualTo(2);
    }
}
