package cn.huiyin.shared.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Consumes a stream in batches made of whatever has arrived while earlier batches were being written:
 * under light load a batch is one message (no added latency), under a burst batches grow up to
 * {@code batchSize}, so one transaction carries many messages (group commit).
 * <p>
 * At most {@code maxInFlight} batches are written at once and at most {@code capacity} messages are
 * requested from upstream and not yet finished, so a slow database slows the stream instead of filling
 * memory. The writer settles (acks or nacks) each message; a failing writer never stops the stream.
 */
public final class GroupCommitSubscriber<T> implements Flow.Subscriber<Message<T>> {

    private static final Logger LOG = Logger.getLogger(GroupCommitSubscriber.class);

    private final Function<List<Message<T>>, Uni<Void>> writer;
    private final int batchSize;
    private final int maxInFlight;
    private final int capacity;

    private final Queue<Message<T>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger drainers = new AtomicInteger();
    private volatile Flow.Subscription upstream;

    public GroupCommitSubscriber(Function<List<Message<T>>, Uni<Void>> writer, int batchSize, int maxInFlight,
            int capacity) {
        this.writer = writer;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.capacity = capacity;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        subscription.request(capacity);
    }

    @Override
    public void onNext(Message<T> message) {
        waiting.add(message);
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.error("the stream feeding this consumer failed", failure);
    }

    @Override
    public void onComplete() {
        LOG.debug("stream completed");
    }

    /** Starts batches while there is work and room; serialised so that only one thread fills batches. */
    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        do {
            while (inFlight.get() < maxInFlight && !waiting.isEmpty()) {
                List<Message<T>> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
                Message<T> next;
                while (batch.size() < batchSize && (next = waiting.poll()) != null) {
                    batch.add(next);
                }
                inFlight.incrementAndGet();
                write(batch).subscribe().with(done -> finished(batch.size()), failure -> {
                    LOG.error("a batch writer failed without settling its messages", failure);
                    finished(batch.size());
                });
            }
        } while (drainers.decrementAndGet() != 0);
    }

    private Uni<Void> write(List<Message<T>> batch) {
        try {
            return writer.apply(batch);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private void finished(int messages) {
        inFlight.decrementAndGet();
        upstream.request(messages);
        drain();
    }
}
