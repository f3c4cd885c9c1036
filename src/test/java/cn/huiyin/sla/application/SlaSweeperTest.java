package cn.huiyin.sla.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/** The escalation ladder fires each step exactly once, with several sweepers and across a crash. */
@QuarkusTest
class SlaSweeperTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    /** {@code appeals} dispatched appeals whose HANDLE clocks ran out an hour ago: three due steps each. */
    private void overdueAppeals(String prefix, int appeals) {
        db.execute("""
                INSERT INTO appeal (tracking_no, channel, request_hash, identity_state, title, content, appeal_type,
                    status, handling_unit, received_at, dispatched_at, updated_at, event_count, last_event_hash)
                SELECT $1 || lpad(g::text, 7, '0'), 'WEB', repeat('0', 64), 'DECLARED', '测试', '逾期测试内容', 'HELP',
                    'DISPATCHED', 'TAX', now() - interval '3 days', now() - interval '3 days', now(), 0,
                    decode(repeat('00', 32), 'hex')
                FROM generate_series(1, $2) g""", prefix, appeals);
        db.execute("""
                INSERT INTO appeal_clock (appeal_id, clock, rule_id, started_at, due_at)
                SELECT a.id, 'HANDLE', (SELECT min(id) FROM clock_rule WHERE clock = 'HANDLE'),
                    now() - interval '3 days', now() - interval '2 days'
                FROM appeal a WHERE a.tracking_no LIKE $1 || '%'""", prefix);
        db.execute("""
                INSERT INTO sla_timer (clock_id, appeal_id, step, due_at)
                SELECT c.id, c.appeal_id, s.step, now() - s.ago
                FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id,
                    (VALUES ('WARNING', interval '3 hours'), ('OVERDUE', interval '2 hours'),
                            ('SUPERVISION', interval '1 hour')) AS s(step, ago)
                WHERE a.tracking_no LIKE $1 || '%'""", prefix);
    }

    private long escalationsOf(String prefix) {
        return db.count("SELECT count(*) FROM escalation e JOIN appeal a ON a.id = e.appeal_id WHERE a.tracking_no LIKE $1 || '%'",
                prefix);
    }

    private long pendingOf(String prefix) {
        return db.count("""
                SELECT count(*) FROM sla_timer t JOIN appeal a ON a.id = t.appeal_id
                WHERE a.tracking_no LIKE $1 || '%' AND t.fired_at IS NULL""", prefix);
    }

    private int sweepUntilQuiet() {
        int total = 0;
        int fired;
        do {
            fired = sweeper.sweep().await().atMost(PATIENCE);
            total += fired;
        } while (fired > 0);
        return total;
    }

    @Test
    void two_sweepers_over_thousands_of_due_timers_fire_each_step_exactly_once() {
        overdueAppeals("881", 1500);
        AtomicInteger fired = new AtomicInteger();

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> fired.addAndGet(sweepUntilQuiet()));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> fired.addAndGet(sweepUntilQuiet()));
        first.join();
        second.join();

        assertThat(fired).hasValue(4500);
        assertThat(escalationsOf("881")).isEqualTo(4500);
        assertThat(pendingOf("881")).isZero();
        assertThat(db.count("""
                SELECT count(*) FROM (SELECT e.appeal_id, e.step FROM escalation e JOIN appeal a ON a.id = e.appeal_id
                    WHERE a.tracking_no LIKE '881%' GROUP BY 1, 2 HAVING count(*) > 1) dup""")).isZero();
        // every escalation is also one event in its appeal's chain and one outbox row for notification
        assertThat(db.count("SELECT count(*) FROM appeal WHERE tracking_no LIKE '881%' AND event_count = 3 AND supervised"))
                .isEqualTo(1500);
        assertThat(db.count("""
                SELECT count(*) FROM outbox o JOIN appeal a ON a.id = o.appeal_id
                WHERE a.tracking_no LIKE '881%' AND o.event_type = 'SlaEscalated'""")).isEqualTo(4500);
        assertThat(sweepUntilQuiet()).isZero();
    }

    @Test
    void a_crash_in_the_middle_of_a_sweep_loses_nothing_and_doubles_nothing() {
        overdueAppeals("882", 200);
        db.execute("""
                CREATE OR REPLACE FUNCTION crash_while_escalating() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'simulated crash'; END; $$ LANGUAGE plpgsql""");
        db.execute("CREATE TRIGGER crash_while_escalating BEFORE INSERT ON escalation "
                + "FOR EACH ROW EXECUTE FUNCTION crash_while_escalating()");
        try {
            assertThatThrownBy(() -> sweeper.sweep().await().atMost(PATIENCE)).hasMessageContaining("simulated crash");
            assertThat(escalationsOf("882")).isZero();
            assertThat(pendingOf("882")).isEqualTo(600);
        } finally {
            db.execute("DROP TRIGGER crash_while_escalating ON escalation");
        }

        sweepUntilQuiet();

        assertThat(escalationsOf("882")).isEqualTo(600);
        assertThat(pendingOf("882")).isZero();
    }
}
