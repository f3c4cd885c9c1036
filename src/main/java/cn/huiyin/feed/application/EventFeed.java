package cn.huiyin.feed.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.feed.EventFeedConfig;
import cn.huiyin.feed.domain.FeedStep;
import cn.huiyin.feed.messaging.FeedTopicPublisher;
import cn.huiyin.feed.persistence.FeedCursorRepository;
import cn.huiyin.metrics.domain.EventCursor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Publishes appeal events to the integrators' Kafka topic, in id order, from a cursor of its own. Each poll is one
 * transaction that locks the cursor (one replica publishes at a time; the others skip), reads the events past it,
 * sends them and waits for the broker's acknowledgement, then moves the cursor. A crash or a broker failure between
 * the acknowledgement and the commit sends the batch again: delivery is at least once, and consumers drop an event
 * whose {@code id} they have seen (docs/events.md). The lock is held while the broker acknowledges, bounded by
 * {@code huiyin.event-feed.send-timeout}; that wait is the feed's only work, and nothing else takes this row.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    private static final int MOST_BATCHES_PER_POLL = 50;

    @Inject
    Pool pool;

    @Inject
    FeedCursorRepository cursor;

    @Inject
    FeedTopicPublisher topic;

    @Inject
    EventFeedConfig config;

    @Inject
    MeterRegistry meters;

    /** Missing ids this replica has seen, until they are settled (another replica learns them by itself). */
    private final Map<Long, EventCursor.SeenGap> gaps = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();

    /** What one batch did: events published, where the cursor stands, and whether more may be waiting. */
    public record Batch(int published, long position, boolean more) {
    }

    @PostConstruct
    void gauges() {
        meters.more().counter("huiyin.event.feed.published", List.of(), published);
    }

    @Scheduled(every = "${huiyin.event-feed.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return publishAll().onFailure().invoke(f -> LOG.warnf("event feed: publishing failed, will retry: %s",
                f.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes batch after batch while full batches move the cursor (at most 50). Returns the events published. */
    public Uni<Integer> publishAll() {
        return publishAll(0, 0);
    }

    private Uni<Integer> publishAll(int batches, int soFar) {
        return publishOnce().chain(batch -> batch.more() && batches < MOST_BATCHES_PER_POLL - 1
                ? publishAll(batches + 1, soFar + batch.published())
                : Uni.createFrom().item(soFar + batch.published()));
    }

    /** One batch, one transaction; nothing when another replica holds the cursor. */
    public Uni<Batch> publishOnce() {
        return pool.withTransaction(tx -> cursor.lock(tx).chain(position -> position == null
                ? Uni.createFrom().item(new Batch(0, -1, false))
                : batch(tx, position)))
                .invoke(batch -> published.addAndGet(batch.published()));
    }

    /**
     * The horizon is read after the events: a transaction holding an id missing from what was read was running then,
     * so at the horizon it is still running or has ended, and its transaction id is below the horizon's {@code xmax}.
     */
    private Uni<Batch> batch(SqlConnection tx, long position) {
        int limit = config.batch();
        return cursor.eventsAfter(tx, position, limit).chain(events -> cursor.horizon(tx).chain(seen -> {
            FeedStep step = FeedStep.plan(position, events, gaps, seen.xmin(), seen.xmax(), seen.now(),
                    config.gapPatience(), config.includeInternal());
            step.newGaps().forEach(id -> gaps.putIfAbsent(id, new EventCursor.SeenGap(seen.xmax(), seen.now())));
            boolean moved = step.position() > position;
            return topic.publish(step.toPublish())
                    .call(() -> moved ? cursor.advance(tx, step.position()) : Uni.createFrom().voidItem())
                    .invoke(() -> gaps.keySet().removeIf(id -> id <= step.position()))
                    .map(x -> new Batch(step.toPublish().size(), step.position(), moved && events.size() >= limit));
        }));
    }
}
