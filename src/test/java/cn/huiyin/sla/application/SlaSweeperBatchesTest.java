package cn.huiyin.sla.application;

import static cn.huiyin.sla.application.OverdueAppeals.PATIENCE;
import static cn.huiyin.sla.application.OverdueAppeals.sweepUntilQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.ChainVerification;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.StoredLink;
import cn.huiyin.appeal.persistence.AppealReadRepository;
import cn.huiyin.sla.persistence.SlaTimerRepository;
import cn.huiyin.sla.persistence.SlaTimerRepository.FiredTimer;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

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

    @Inject
    SlaTimerRepository timers;

    @Inject
    Pool pool;

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
            assertThat(verify(trackingNo).intact()).as(trackingNo).isTrue();
        }
    }

    @Test
    void a_step_holding_an_appeal_does_not_hold_the_sweeper() throws SQLException {
        OverdueAppeals held = OverdueAppeals.create(db, "884", 1);
        Properties user = new Properties();
        user.setProperty("user", username);
        try (Connection step = DriverManager.getConnection(jdbcUrl, user)) {
            // a work-queue step's transaction: the appeal locked first (its timers would come next)
            step.setAutoCommit(false);
            try (Statement lock = step.createStatement()) {
                lock.execute("SELECT id FROM appeal WHERE tracking_no LIKE '884%' FOR UPDATE");
            }

            // the sweep ends while the step runs, leaving that appeal's steps for later instead of waiting for it
            sweeper.sweep().await().atMost(Duration.ofSeconds(20));
            assertThat(held.pending()).isEqualTo(3);

            step.rollback();
        }
        sweepUntilQuiet(sweeper);
        assertThat(held.pending()).isZero();
        assertThat(held.escalations()).isEqualTo(3);
        assertThat(held.firedTwice()).isZero();
    }

    @Test
    void a_claim_that_skips_a_held_appeal_leaves_its_timers_free_for_the_next_claim() {
        OverdueAppeals one = OverdueAppeals.create(db, "885", 1);
        long appealId = db.id(one.trackingNo(1));
        // due before anything else in the database, so that each claim meets them first
        db.execute("UPDATE sla_timer SET due_at = due_at - interval '30 years' WHERE appeal_id = $1", appealId);
        Instant now = Instant.now();
        SqlConnection first = pool.getConnection().await().atMost(PATIENCE);
        SqlConnection second = pool.getConnection().await().atMost(PATIENCE);
        SqlConnection third = pool.getConnection().await().atMost(PATIENCE);
        try {
            Transaction holding = first.begin().await().atMost(PATIENCE);
            assertThat(claimedOf(appealId, timers.claimDue(first, now, 1))).isEqualTo(1);

            // a batch side by side finds the appeal held and skips its two other steps...
            Transaction skipping = second.begin().await().atMost(PATIENCE);
            assertThat(claimedOf(appealId, timers.claimDue(second, now, 10))).isZero();
            holding.rollback().await().atMost(PATIENCE);

            // ...without keeping them: the next batch can take all three while the skipping one is still open
            Transaction next = third.begin().await().atMost(PATIENCE);
            assertThat(claimedOf(appealId, timers.claimDue(third, now, 10))).isEqualTo(3);
            next.rollback().await().atMost(PATIENCE);
            skipping.rollback().await().atMost(PATIENCE);
        } finally {
            first.close().await().atMost(PATIENCE);
            second.close().await().atMost(PATIENCE);
            third.close().await().atMost(PATIENCE);
        }
        sweepUntilQuiet(sweeper);
        assertThat(one.escalations()).isEqualTo(3);
        assertThat(one.firedTwice()).isZero();
    }

    private static long claimedOf(long appealId, Uni<List<FiredTimer>> claim) {
        return claim.await().atMost(PATIENCE).stream().filter(t -> t.appealId() == appealId).count();
    }

    /** Recomputes the appeal's chain from its stored events and checks it ends at the appeal's head. */
    private ChainVerification verify(String trackingNo) {
        var appeal = appeals.find(trackingNo).await().atMost(PATIENCE).orElseThrow();
        var links = appeals.events(appeal.id()).await().atMost(PATIENCE).stream()
                .map(e -> new StoredLink(new ChainEntry(appeal.trackingNo(), e.seq(), e.type(), e.actor(), e.occurredAt(),
                        e.reason(), e.payload()), e.previousHash(), e.hash()))
                .toList();
        return EventChain.verify(links, appeal.eventCount(), appeal.lastEventHash());
    }
}
