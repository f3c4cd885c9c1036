package cn.huiyin.notify.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.notify.staff.application.WecomDeliveries;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/** With no WeCom app configured (the test profile), escalations still reach their people, in the app only. */
@QuarkusTest
class NoticesWithoutWecomTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Inject
    OutboxRelay relay;

    @Inject
    WecomDeliveries deliveries;

    @Inject
    SlaClockService clocks;

    @Inject
    Pool pool;

    private void relayUntilQuiet() {
        while (relay.relayOnce().await().atMost(PATIENCE) > 0) {
            // every row taken once; a failing one waits for its back-off
        }
    }

    @Test
    void an_overdue_appeal_is_in_the_holders_and_the_leaders_list_and_nothing_waits_for_wecom() {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.with("category", "BIZ_REG"))
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
        relayUntilQuiet();
        try {
            climbAndCheck(trackingNo);
        } finally {
            // the hastened timers no longer match the clock's plan: stop the clocks, so no later re-timing trips on them
            long id = db.id(trackingNo);
            pool.withTransaction(tx -> clocks.stop(tx, id, Instant.now(), ClockKind.values())).await().atMost(PATIENCE);
        }
    }

    private void climbAndCheck(String trackingNo) {
        db.execute("""
                UPDATE sla_timer t SET due_at = now() - interval '1 minute' FROM appeal_clock c
                WHERE c.id = t.clock_id AND t.appeal_id = $1 AND c.clock = 'HANDLE' AND t.step IN ('WARNING', 'OVERDUE')""",
                db.id(trackingNo));
        sweeper.sweep().await().atMost(PATIENCE);
        relayUntilQuiet();

        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND step = 'WARNING'", trackingNo))
                .isOne();
        assertThat(db.count("""
                SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND step = 'OVERDUE' AND recipient = 'leader-samr'""",
                trackingNo)).isOne();
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND wecom_state <> 'NONE'",
                trackingNo)).isZero();
        assertThat(deliveries.sendDue().await().atMost(PATIENCE)).isZero();
        // the holder: the commissioner the appeal was assigned to (or, were nobody on duty, whoever stood in)
        String holder = db.string("SELECT recipient FROM staff_notice WHERE tracking_no = $1 AND step = 'WARNING'",
                trackingNo);
        List<String> holders = given().auth().oauth2(Appeals.tokenFor(holder)).queryParam("limit", 200)
                .get("/api/v1/notices").then().statusCode(200).extract().jsonPath()
                .getList("notices.findAll { it.trackingNo == '" + trackingNo + "' }.step");
        assertThat(holders).containsExactlyInAnyOrder("WARNING", "OVERDUE");
        List<String> leaders = given().auth().oauth2(Appeals.tokenFor("leader-samr")).queryParam("limit", 200)
                .get("/api/v1/notices").then().statusCode(200).extract().jsonPath()
                .getList("notices.findAll { it.trackingNo == '" + trackingNo + "' }.step");
        assertThat(leaders).containsExactly("OVERDUE");
    }
}
