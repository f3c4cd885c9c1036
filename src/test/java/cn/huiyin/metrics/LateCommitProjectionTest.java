package cn.huiyin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.MetricsProjector;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * An event whose id was handed out before another's but commits after it must still be projected: the position
 * waits at the gap until every transaction that could hold it has ended. A rolled-back id does not block forever.
 */
@QuarkusTest
class LateCommitProjectionTest {

    @Inject
    MetricsFixture fixture;

    @Inject
    MetricsProjector projector;

    @Inject
    Database db;

    private long dispatchedAppeal(String unit) {
        long id = fixture.appeal(unit, null, "TAX_SERVICE", "DISPATCHED", Instant.parse("2026-03-02T01:00:00Z"));
        fixture.event(id, "RECEIVED", Instant.parse("2026-03-02T01:00:00Z"), Map.of("channel", "WEB"));
        fixture.event(id, "DISPATCHED", Instant.parse("2026-03-02T02:00:00Z"), Map.of("unit", unit));
        return id;
    }

    private long position() {
        return db.count("SELECT position FROM metrics_projector WHERE name = 'appeal-facts'");
    }

    private long appliedSeq(long appealId) {
        return db.count("SELECT coalesce(max(applied_seq), 0) FROM metrics_appeal_fact WHERE appeal_id = $1", appealId);
    }

    private SqlConnection connection;

    /** Appends one event in a transaction left open. */
    private Transaction openTransactionAppending(long appealId, String type) {
        connection = fixture.pool().getConnection().await().indefinitely();
        Transaction tx = connection.begin().await().indefinitely();
        fixture.append(connection, appealId, type, Instant.parse("2026-03-02T02:30:00Z"), Map.of()).await().indefinitely();
        return tx;
    }

    @Test
    void an_event_committing_after_a_later_id_is_not_skipped() {
        String unit = fixture.newUnit();
        long slow = dispatchedAppeal(unit);
        long fast = dispatchedAppeal(unit);
        projector.projectAll().await().indefinitely();

        Transaction open = openTransactionAppending(slow, "FIRST_CONTACT");
        long slowEventId = db.count("SELECT max(id) FROM appeal_event");   // not visible yet: the highest committed id
        fixture.event(fast, "FIRST_CONTACT", Instant.parse("2026-03-02T02:10:00Z"), Map.of());
        projector.projectAll().await().indefinitely();

        assertThat(appliedSeq(fast)).isEqualTo(3);
        assertThat(appliedSeq(slow)).isEqualTo(2);
        assertThat(position()).as("the position waits before the uncommitted id").isLessThanOrEqualTo(slowEventId + 1)
                .isLessThan(db.count("SELECT max(id) FROM appeal_event"));

        open.commit().await().indefinitely();
        connection.close().await().indefinitely();
        projector.projectAll().await().indefinitely();
        assertThat(appliedSeq(slow)).as("the late event is folded in").isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM metrics_appeal_fact WHERE appeal_id = $1 AND first_contact_at IS NOT NULL",
                slow)).isEqualTo(1);
    }

    @Test
    void a_rolled_back_id_stops_holding_the_position_once_its_transaction_is_over() {
        String unit = fixture.newUnit();
        long appeal = dispatchedAppeal(unit);
        long other = dispatchedAppeal(unit);
        Transaction open = openTransactionAppending(other, "NOTE");
        fixture.event(appeal, "FIRST_CONTACT", Instant.parse("2026-03-02T02:10:00Z"), Map.of());
        projector.projectAll().await().indefinitely();
        long waiting = position();
        assertThat(waiting).isLessThan(db.count("SELECT max(id) FROM appeal_event"));

        open.rollback().await().indefinitely();
        connection.close().await().indefinitely();
        projector.projectAll().await().indefinitely();
        assertThat(position()).isEqualTo(db.count("SELECT max(id) FROM appeal_event"));
        assertThat(appliedSeq(appeal)).isEqualTo(3);
        assertThat(appliedSeq(other)).isEqualTo(2);
    }
}
