package cn.huiyin.sla.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The sweeper on its own schedule: a step that falls due fires within about a second. */
@QuarkusTest
@TestProfile(SlaScheduledSweepTest.SweeperOn.class)
class SlaScheduledSweepTest {

    public static class SweeperOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.sla.sweep-every", "1s");
        }
    }

    @Inject
    Database db;

    @Test
    void a_warning_that_falls_due_is_fired_by_the_scheduled_sweeper() {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        long id = db.id(trackingNo);
        db.execute("UPDATE sla_timer SET due_at = now() WHERE appeal_id = $1 AND step = 'WARNING' AND "
                + "clock_id = (SELECT id FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RESPOND')", id);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                db.count("SELECT count(*) FROM escalation WHERE appeal_id = $1", id)).isEqualTo(1));
        assertThat(db.string("SELECT step FROM escalation WHERE appeal_id = $1", id)).isEqualTo("WARNING");
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + trackingNo).then()
                .statusCode(200).body("clocks[0].state", org.hamcrest.Matchers.equalTo("WARNING"));
    }
}
