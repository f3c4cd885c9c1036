package cn.huiyin.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

class GroupCommitSubscriberTest {

    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicInteger nacked = new AtomicInteger();
    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Queue<Integer> batchSizes = new ConcurrentLinkedQueue<>();

    private Message<Integer> message(int n) {
        return Message.of(n, () -> {
            acked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** A slow writer, like a database under load, that acks what it wrote. */
    private Uni<Void> slowWriter(List<Message<Integer>> batch) {
        batchSizes.add(batch.size());
        mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20))
                .invoke(() -> writing.decrementAndGet())
                .chain(() -> Multi.createFrom().iterable(batch)
                        .onItem().transformToUniAndConcatenate(m -> Uni.createFrom().completionStage(m.ack()))
                        .collect().asList().replaceWithVoid());
    }

    @Test
    void a_burst_is_written_in_few_large_batches_never_more_than_allowed_at_once_and_all_acknowledged() {
        var subscriber = new GroupCommitSubscriber<Integer>(this::slowWriter, 64, 4, 4096);
        Multi.createFrom().range(0, 2_000).map(this::message).subscribe().withSubscriber(subscriber);

        await().atMost(Duration.ofSeconds(20)).until(() -> acked.get() == 2_000);
        assertThat(nacked).hasValue(0);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(4);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isEqualTo(64);
        assertThat(batchSizes).hasSizeLessThan(200);
    }

    @Test
    void a_writer_that_fails_does_not_stop_the_stream() {
        AtomicInteger calls = new AtomicInteger();
        var subscriber = new GroupCommitSubscriber<Integer>(batch -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(new IllegalStateException("database gone"))
                : slowWriter(batch), 1, 1, 16);
        Multi.createFrom().range(0, 50).map(this::message).subscribe().withSubscriber(subscriber);

        await().atMost(Duration.ofSeconds(10)).until(() -> acked.get() == 49);
        assertThat(calls).hasValue(50);
    }

    @Test
    void no_more_than_the_capacity_is_requested_while_the_writer_is_stuck() {
        AtomicInteger delivered = new AtomicInteger();
        var subscriber = new GroupCommitSubscriber<Integer>(batch -> Uni.createFrom().nothing(), 8, 2, 32);
        Multi.createFrom().range(0, 1_000).invoke(delivered::incrementAndGet).map(this::message)
                .subscribe().withSubscriber(subscriber);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> delivered.get() == 32);
    }
}
