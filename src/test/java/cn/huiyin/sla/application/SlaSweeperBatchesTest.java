package cn.huiyin.sla.application;

import static cn.huiyin.sla.application.OverdueAppeals.PATIENCE;
import static cn.huiyin.sla.application.OverdueAppeals.sweepUntilQuiet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.ChainVerification;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.StoredLink;
import cn.huiyin.appeal.persistence.AppealReadRepository;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The batch path with many small batches side by side: two sweepers, each with four batches in flight, over appeals
 * whose three steps fall into different batches, so that batches of both sweepers chain events onto the same
 * appeals at the same time. Each step still fires once, and every appeal's hash chain still verifies.
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
