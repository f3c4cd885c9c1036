package cn.huiyin.shared.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.shared.persistence.OutboxRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Delivers outbox rows to their handlers after the state change that wrote them has committed. Rows are
 * leased (not locked) while handlers run, so no transaction is held open across a network call; a replica
 * that dies mid-delivery loses its lease and another one retries. Failures back off exponentially.
 * <p>
 * Each pass drains: it leases batch after batch while rows are due, runs at most {@code concurrency}
 * deliveries at a time (a slow row holds one slot, not the batch), and marks delivered rows done a group at
 * a time in one statement. A {@link OutboxBatchHandler} gets all the rows of a lease it wants in one call (one
 * slot). Between passes it waits {@code poll-every}, or less when {@link #nudge()} says new
 * rows were written on this replica.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Delivered rows are marked done together once this many are waiting, or after this long. */
    private static final Duration MARK_DONE_WINDOW = Duration.ofMillis(50);

    /** A delivery whose outcome was already written (a retry, a give-up); not marked done with the others. */
    private static final long RECORDED = -1;

    @Inject
    OutboxRepository outbox;

    @Inject
    Instance<OutboxHandler> handlerBeans;

    @Inject
    OutboxConfig config;

    @Inject
    Vertx vertx;

    /** Resolved once: looking the beans up per row would cost more than most deliveries. */
    List<OutboxHandler> handlers;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private boolean loop;
    private volatile boolean stopped;
    private long timerId = -1;
    private long idleMillis;

    @PostConstruct
    void resolveHandlers() {
        handlers = handlerBeans.stream().toList();
    }

    void start(@Observes StartupEvent started) {
        String every = config.pollEvery().trim();
        if ("off".equalsIgnoreCase(every) || "disabled".equalsIgnoreCase(every)) {
            return;
        }
        idleMillis = Math.max(1, DurationConverter.parseDuration(every).toMillis());
        synchronized (this) {
            loop = true;
        }
        schedule(idleMillis);
    }

    void stop(@Observes ShutdownEvent stopping) {
        synchronized (this) {
            stopped = true;
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
                timerId = -1;
            }
        }
    }

    /**
     * New rows were just committed on this replica: relay them now rather than at the next poll. Cheap and safe to
     * call from any thread, any number of times; a no-op where the relay is off.
     */
    public void nudge() {
        nudged.set(true);
        if (!running.get()) {
            schedule(0);
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (!loop || stopped) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        timerId = vertx.setTimer(Math.max(1, delayMillis), id -> {
            synchronized (this) {
                if (timerId == id) {
                    timerId = -1;
                }
            }
            pass();
        });
    }

    /** One pass at a time per replica; the next one is scheduled when it ends, failed or not. */
    private void pass() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        nudged.set(false);
        // a fresh duplicated context, as the scheduler gives its jobs: handlers may open Hibernate Reactive sessions
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relayOnce().subscribe().with(taken -> passEnded(),
                failure -> {
                    LOG.warnf("outbox relay failed, will retry: %s", failure.getMessage());
                    passEnded();
                }));
    }

    private void passEnded() {
        running.set(false);
        schedule(nudged.getAndSet(false) ? 0 : idleMillis);
    }

    /**
     * Delivers every row that is due now (leasing {@code batch} at a time until a lease finds none) and records each
     * outcome. Returns how many rows were taken.
     */
    public Uni<Integer> relayOnce() {
        AtomicInteger taken = new AtomicInteger();
        // until a lease finds nothing due (that empty batch still passes), or the service is stopping
        return Multi.createBy().repeating().uni(this::take).whilst(batch -> !batch.isEmpty() && !stopped)
                .onItem().invoke(batch -> taken.addAndGet(batch.size()))
                .onItem().transformToIterable(this::deliveries)
                .onItem().transformToUni(delivery -> delivery).merge(Math.max(1, config.concurrency()))
                .onItem().<Long> disjoint()
                .select().where(id -> id != RECORDED)
                .group().intoLists().of(Math.max(1, config.batch()), MARK_DONE_WINDOW)
                // the window's timer fails the stream if nothing is asking when it fires (a mark still running):
                // groups wait here instead; there are never more than the rows taken
                .onOverflow().bufferUnconditionally()
                .select().where(ids -> !ids.isEmpty())
                .onItem().transformToUniAndConcatenate(outbox::markDone)
                .collect().last()
                .map(ignored -> taken.get());
    }

    private Uni<List<OutboxMessage>> take() {
        return outbox.lease(Math.max(1, config.batch()), config.lease());
    }

    /**
     * A leased batch as deliveries, each taking one slot: per batch handler, all the rows it wants (their other
     * handlers follow, up to {@code concurrency} rows at once); every other row alone. Each yields the ids to mark done.
     */
    private List<Uni<List<Long>>> deliveries(List<OutboxMessage> batch) {
        Map<OutboxBatchHandler, List<OutboxMessage>> together = new LinkedHashMap<>();
        List<Uni<List<Long>>> alone = new ArrayList<>();
        for (OutboxMessage message : batch) {
            List<OutboxHandler> mine = handlersOf(message);
            Optional<OutboxBatchHandler> batching = mine.stream().filter(OutboxBatchHandler.class::isInstance)
                    .map(OutboxBatchHandler.class::cast).findFirst();
            if (batching.isPresent()) {
                together.computeIfAbsent(batching.get(), handler -> new ArrayList<>()).add(message);
            } else {
                alone.add(deliver(message, mine).map(List::of));
            }
        }
        List<Uni<List<Long>>> deliveries = new ArrayList<>();
        together.forEach((handler, messages) -> deliveries.add(deliverTogether(handler, messages)));
        deliveries.addAll(alone);
        return deliveries;
    }

    private List<OutboxHandler> handlersOf(OutboxMessage message) {
        return handlers.stream().filter(h -> h.handles(message)).toList();
    }

    /**
     * One call for all the rows; if it fails, each row is delivered alone to every handler that wants it. The rows'
     * other handlers (an SMS, a WeChat notice) run side by side as they would without the batch handler: one after
     * the other, a lease's receipts could outlast the lease and be sent again by the next one.
     */
    private Uni<List<Long>> deliverTogether(OutboxBatchHandler handler, List<OutboxMessage> messages) {
        return Uni.createFrom().deferred(() -> handler.handleAll(messages)).replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("outbox batch of %d row(s) failed, delivering them one by one: %s", messages.size(),
                            failure.getMessage());
                    return false;
                })
                .chain(done -> Multi.createFrom().iterable(messages)
                        .onItem().transformToUni(message -> deliver(message,
                                handlersOf(message).stream().filter(h -> !done || h != handler).toList()))
                        .merge(Math.max(1, config.concurrency()))
                        .collect().asList());
    }

    /** The row's id once every one of {@code mine} has succeeded (or there are none); else {@link #RECORDED}. */
    private Uni<Long> deliver(OutboxMessage message, List<OutboxHandler> mine) {
        if (mine.isEmpty()) {
            return Uni.createFrom().item(message.id());
        }
        return Multi.createFrom().iterable(mine).onItem().transformToUniAndConcatenate(h -> h.handle(message))
                .collect().last()
                .replaceWith(message.id())
                .onFailure().recoverWithUni(failure -> failed(message, failure).replaceWith(RECORDED));
    }

    private Uni<Void> failed(OutboxMessage message, Throwable failure) {
        boolean permanent = failure instanceof OutboxHandler.PermanentFailure;
        Uni<Void> recorded;
        if (permanent || message.attempts() + 1 >= config.maxAttempts()) {
            LOG.warnf("outbox row %d given up after %d attempt(s): %s", message.id(), message.attempts() + 1,
                    failure.getMessage());
            recorded = outbox.markDone(message.id(), (permanent ? "permanent: " : "gave up: ") + failure.getMessage(), 1);
        } else {
            long backoffSeconds = Math.min(3600, 5L << Math.min(message.attempts(), 10));
            recorded = outbox.retryLater(message.id(), String.valueOf(failure.getMessage()), backoffSeconds);
        }
        // not recorded: the row stays leased and is taken again when its lease runs out
        return recorded.onFailure().invoke(f -> LOG.warnf("outbox row %d: outcome not recorded, will retry: %s",
                message.id(), f.getMessage())).onFailure().recoverWithNull();
    }
}
