package cn.huiyin.sla.application;

import static cn.huiyin.sla.application.OverdueAppeals.PATIENCE;
import static cn.huiyin.sla.application.OverdueAppeals.sweepUntilQuiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/** The escalation ladder fires each step exactly once, with several sweepers and across a crash. */
@QuarkusTest
class SlaSweeperTest {

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Test
    void two_sweepers_over_thousands_of_due_timers_fire_each_step_exactly_once() {
        OverdueAppeals overdue = OverdueAppeals.create(db, "881", 1500);
        AtomicInteger fired = new AtomicInteger();

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> fired.addAndGet(sweepUntilQuiet(sweeper)));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> fired.addAndGet(sweepUntilQuiet(sweeper)));
        first.join();
        second.join();

        assertThat(fired).hasValue(4500);
        assertThat(overdue.escalations()).isEqualTo(4500);
        assertThat(overdue.pending()).isZero();
        assertThat(overdue.firedTwice()).isZero();
        // every escalation is also one event in its appeal's chain and one outbox row for notification
        assertThat(overdue.fullyEscalated()).isEqualTo(1500);
        assertThat(overdue.notices()).isEqualTo(4500);
        assertThat(sweepUntilQuiet(sweeper)).isZero();
    }

    @Test
    void a_crash_in_the_middle_of_a_sweep_loses_nothing_and_doubles_nothing() {
        OverdueAppeals overdue = OverdueAppeals.create(db, "882", 200);
        db.execute("""
                CREATE OR REPLACE FUNCTION crash_while_escalating() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'simulated crash'; END; $$ LANGUAGE plpgsql""");
        db.execute("CREATE TRIGGER crash_while_escalating BEFORE INSERT ON escalation "
                + "FOR EACH ROW EXECUTE FUNCTION crash_while_escalating()");
        try {
            assertThatThrownBy(() -> sweeper.sweep().await().atMost(PATIENCE)).hasMessageContaining("simulated crash");
            assertThat(overdue.escalations()).isZero();
            assertThat(overdue.pending()).isEqualTo(600);
        } finally {
            db.execute("DROP TRIGGER crash_while_escalating ON escalation");
        }

        sweepUntilQuiet(sweeper);

        assertThat(overdue.escalations()).isEqualTo(600);
        assertThat(overdue.pending()).isZero();
    }
}
