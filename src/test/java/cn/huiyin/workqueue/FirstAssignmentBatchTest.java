package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.outbox.OutboxMessage;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.workqueue.application.AssignAfterIntake;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The first assignment of many appeals at once: the same rule as one at a time (each choice adds to the commissioner's
 * open work), and exactly one assignment per appeal however often, and however concurrently, its notice is delivered.
 */
@QuarkusTest
class FirstAssignmentBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Database db;

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Inject
    AssignAfterIntake assignAfterIntake;

    private String commissionerOnDuty(String unit) {
        String name = StaffPages.newCommissioner(db, unit);
        db.execute("UPDATE staff_member SET on_duty = true WHERE username = $1", name);
        return name;
    }

    /** Accepted and dispatched, its AppealReceived row not yet relayed. */
    private long submit(String category) {
        String no = given().contentType(ContentType.JSON).body(Appeals.with("category", category)).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        return db.id(no);
    }

    private List<OutboxMessage> receivedNotices(Long[] appealIds) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id, appeal_id, event_type, payload::text AS payload, attempts FROM outbox "
                + "WHERE appeal_id = ANY($1) AND event_type = 'AppealReceived' ORDER BY id").execute(Tuple.of(appealIds))
                .await().atMost(PATIENCE)) {
            messages.add(new OutboxMessage(row.getLong("id"), row.getLong("appeal_id"), row.getString("event_type"),
                    row.getString("payload"), row.getInteger("attempts")));
        }
        return messages;
    }

    @Test
    void a_batch_spreads_over_the_least_loaded_and_repeated_or_concurrent_deliveries_assign_each_appeal_once() {
        // a unit no other test staffs; an earlier run's commissioners go off duty
        db.execute("UPDATE staff_member SET on_duty = false WHERE unit_code = 'COURT' AND role = 'commissioner'");
        List<String> ours = List.of(commissionerOnDuty("COURT"), commissionerOnDuty("COURT"), commissionerOnDuty("COURT"));
        List<Long> appeals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            appeals.add(submit("LITIGATION"));
        }
        Long[] ids = appeals.toArray(Long[]::new);
        List<OutboxMessage> notices = receivedNotices(ids);
        assertThat(notices).hasSize(6);

        // the same notices at once: two batches, and each one alone, as a duplicate delivery would
        List<OutboxMessage> reversed = new ArrayList<>(notices);
        Collections.reverse(reversed);
        List<Uni<Void>> deliveries = new ArrayList<>(List.of(assignAfterIntake.handleAll(notices),
                assignAfterIntake.handleAll(reversed)));
        notices.forEach(notice -> deliveries.add(assignAfterIntake.handle(notice)));
        Uni.join().all(deliveries).andFailFast().await().atMost(PATIENCE);

        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = ANY($1) AND type = 'ASSIGNED'", (Object) ids))
                .isEqualTo(6);
        assertThat(db.count("SELECT count(DISTINCT appeal_id) FROM appeal_event WHERE appeal_id = ANY($1) AND type = 'ASSIGNED'",
                (Object) ids)).isEqualTo(6);
        // three fresh commissioners, six appeals: two each, as one at a time would give them
        for (String commissioner : ours) {
            assertThat(db.count("SELECT count(*) FROM appeal WHERE assignee = $1 AND id = ANY($2)", commissioner, ids))
                    .isEqualTo(2);
        }

        // and relayed again after a restart (the rows still pending), nothing changes
        for (int round = 0; round < 200 && relay.relayOnce().await().atMost(PATIENCE) > 0; round++) {
        }
        assertThat(db.count("SELECT count(*) FROM outbox WHERE appeal_id = ANY($1) AND published_at IS NULL", (Object) ids)).isZero();
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = ANY($1) AND type = 'ASSIGNED'", (Object) ids))
                .isEqualTo(6);
    }
}
