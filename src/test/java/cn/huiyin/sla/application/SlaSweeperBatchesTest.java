package cn.huiyin.sla.application;

import static cn.huiyin.sla.application.OverdueAppeals.sweepUntilQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.persistence.AppealReadRepository;
import cn.huiyin.testsupport.Chains;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The batch path with many small batches side by side: two sweepers, each with four batches in flight, over appeals
 * whose three steps fall into different batches, so that batches of both sweepers chain events onto the same
 * appeals at the same time. Each step still fires once, and every appeal's hash chain still verifies. And a step
 * holding an appeal does not hold the sweeper (which would otherwise deadlock with it).
 */
@QuarkusTest
@TestProfile(SlaSweeperBatchesTest.SmallBatchesSideBySide.class)
class SlaSweeperBatchesTest {

    public static class SmallBatchesSideBySide implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.sla.sweep-batch", "25", "huiyin.sla.sweep-in-flight", "4",
                    "huiyin.sla.sweep-max-batches", "8");
        }
    }

    private static final int APPEALS = 300;

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Inject
    AppealReadRepository appeals;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @Test
    void batches_side_by_side_fire_each_step_once_and_keep_every_chain_verifiable() {
        OverdueAppeals overdue = OverdueAppeals.create(db, "883", APPEALS);
        AtomicInteger fired = new AtomicInteger();

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> fired.addAndGet(sweepUntilQuiet(sweeper)));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> fired.addAndGet(sweepUntilQuiet(sweeper)));
        first.join();
        second.join();

        assertThat(fired).hasValue(3 * APPEALS);
        assertThat(overdue.escalations()).isEqualTo(3 * APPEALS);
        assertThat(overdue.pending()).isZero();
        assertThat(overdue.firedTwice()).isZero();
        assertThat(overdue.fullyEscalated()).isEqualTo(APPEALS);
        assertThat(overdue.notices()).isEqualTo(3 * APPEALS);
        for (int n = 1; n <= APPEALS; n++) {
            String trackingNo = overdue.trackingNo(n);
            assertThat(Chains.verify(appeals, trackingNo).intact()).as(trackingNo).isTrue();
        }
    }

    @Test
    void a_step_holding_an_appeal_holds_the_sweeper_no_longer_than_its_lock_timeout() throws SQLException {
        OverdueAppeals held = OverdueAppeals.create(db, "884", 1);
        Properties user = new Properties();
        user.setProperty("user", username);
        try (Connection step = DriverManager.getConnection(jdbcUrl, user)) {
            // a work-queue step's transaction: the appeal locked first (its timers would come next)
            step.setAutoCommit(false);
            try (Statement lock = step.createStatement()) {
                lock.execute("SELECT id FROM appeal WHERE tracking_no LIKE '884%' FOR UPDATE");
            }

            // the batch that claimed the appeal's steps gives up waiting for it and leaves them for a later sweep,
            // so that if the step went on to the timers it would not wait for the sweeper in a cycle
            sweeper.sweep().onFailure().recoverWithItem(0).await().atMost(Duration.ofSeconds(20));
            assertThat(held.pending()).isEqualTo(3);

            step.rollback();
        }
        sweepUntilQuiet(sweeper);
        assertThat(held.pending()).isZero();
        assertThat(held.escalations()).isEqualTo(3);
        assertThat(held.firedTwice()).isZero();
    }
}
