package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.sla.persistence.SlaTimerRepository;
import cn.huiyin.sla.persistence.SlaTimerRepository.FiredTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Fires due escalation steps. Each batch is one transaction: claim due timers, record the escalations,
 * append the appeals' events and the outbox rows for notification. A crash before commit fires nothing
 * (the timers are still pending); after commit the timers are no longer pending. Safe on any number of
 * replicas, and with several batches in flight on one: a claim skips the timers another transaction holds.
 * <p>
 * On its schedule the sweeper also wakes itself at the next due time when that comes before the next tick,
 * so a step fires within milliseconds of falling due rather than up to a tick later.
 */
@ApplicationScoped
public class SlaSweeper {

    private static final Logger LOG = Logger.getLogger(SlaSweeper.class);
    public static final String ACTOR = "system:sla";

    /** A wake-up comes at least this long after the previous sweep: steps falling due close together fire together. */
    static final Duration MIN_WAKE_GAP = Duration.ofMillis(25);

    @Inject
    Pool pool;

    @Inject
    SlaTimerRepository timers;

    @Inject
    AppealRecords events;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    Vertx vertx;

    @Inject
    Instance<ClockExpiry> expiries;

    /** Less than PostgreSQL's deadlock check (1 s by default), so that the batch gives way rather than the step. */
    private static final Duration LOCK_WAIT = Duration.ofMillis(500);

    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicLong wakeUp = new AtomicLong(-1);
    private volatile boolean stopped;

    /** What one sweep did: steps fired, and the next pending due time (null when none is pending). */
    private record Outcome(int fired, Instant nextDue) {
    }

    @PostConstruct
    void gauges() {
        meters.gauge("huiyin.sla.sweeper.lag.seconds", lagMillis, lag -> lag.get() / 1000.0);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        long id = wakeUp.getAndSet(-1);
        if (id >= 0) {
            vertx.cancelTimer(id);
        }
    }

    @Scheduled(every = "${huiyin.sla.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweepAndWake();
    }

    /** One sweep on this replica's schedule (a tick or a wake-up; never two at once), then the next wake-up. */
    private Uni<Void> sweepAndWake() {
        // the flag is taken only when the sweep is subscribed, and always given back: a flag left set would stop
        // this replica's sweeping for good
        return Uni.createFrom().deferred(() -> {
            if (stopped || !sweeping.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().deferred(this::sweepAll).invoke(outcome -> wakeAt(outcome.nextDue()))
                    .onFailure().invoke(failure -> LOG.warnf("SLA sweep failed, will retry: %s", failure.getMessage()))
                    .onFailure().recoverWithNull()
                    .eventually(() -> sweeping.set(false))
                    .replaceWithVoid();
        });
    }

    /** Arms one timer for the next due time if it comes before the next tick (or now, when steps are left due). */
    private void wakeAt(Instant nextDue) {
        if (nextDue == null || stopped) {
            return;
        }
        long delay = Math.max(MIN_WAKE_GAP.toMillis(), Duration.between(clock.instant(), nextDue).toMillis());
        if (delay >= tick().toMillis()) {
            return;
        }
        long id = vertx.setTimer(delay, fired -> {
            wakeUp.compareAndSet(fired, -1);
            sweepAndWake().subscribe().with(done -> { }, failure -> { });
        });
        long previous = wakeUp.getAndSet(id);
        if (previous >= 0) {
            vertx.cancelTimer(previous);
        }
    }

    private Duration tick() {
        return DurationConverter.parseDuration(config.sweepEvery());
    }

    /** Fires everything due now, batch after batch (bounded per call). Returns how many steps fired. */
    public Uni<Integer> sweep() {
        return sweepAll().map(Outcome::fired);
    }

    /**
     * {@code huiyin.sla.sweep-in-flight} chains of batches side by side; a chain stops at a batch that is not full.
     * Together they run at most {@code huiyin.sla.sweep-max-batches} batches; the rest waits for the next wake-up.
     */
    private Uni<Outcome> sweepAll() {
        AtomicInteger batchesLeft = new AtomicInteger(config.sweepMaxBatches());
        List<Uni<Integer>> chains = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.sweepInFlight()); i++) {
            chains.add(chain(batchesLeft, 0));
        }
        return Uni.join().all(chains).andCollectFailures()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .chain(fired -> timers.nextDue().map(next -> {
                    Instant now = clock.instant();
                    lagMillis.set(next == null || next.isAfter(now) ? 0 : Duration.between(next, now).toMillis());
                    return new Outcome(fired, next);
                }));
    }

    private Uni<Integer> chain(AtomicInteger batchesLeft, int firedSoFar) {
        if (batchesLeft.getAndDecrement() <= 0) {
            return Uni.createFrom().item(firedSoFar);
        }
        return fireOneBatch().chain(fired -> fired < config.sweepBatch()
                ? Uni.createFrom().item(firedSoFar + fired)
                : chain(batchesLeft, firedSoFar + fired));
    }

    Uni<Integer> fireOneBatch() {
        var now = clock.instant();
        // a batch claims its timers first and locks their appeals when it appends their events, a work-queue step the
        // other way round: when each holds what the other wants, the batch gives way (its timers fire next sweep)
        return pool.withTransaction(tx -> timers.waitForLocksAtMost(tx, LOCK_WAIT)
                .chain(() -> timers.claimDue(tx, now, config.sweepBatch())).chain(fired -> {
            if (fired.isEmpty()) {
                return Uni.createFrom().item(fired);
            }
            List<SlaTimerRepository.Escalation> escalations = new ArrayList<>();
            List<OutboxRow> outbox = new ArrayList<>();
            Map<Long, List<NewEvent>> appealEvents = new HashMap<>();
            List<Long> supervised = new ArrayList<>();
            List<ClockExpiry.Expired> expired = new ArrayList<>();
            for (FiredTimer t : fired) {
                EscalationStep step = EscalationStep.valueOf(t.step());
                if (step == EscalationStep.EXPIRY) {
                    expired.add(new ClockExpiry.Expired(t.timerId(), t.appealId(), t.clock(), t.round(), t.dueAt()));
                    continue;
                }
                String recipients = String.join(",", step.recipients(t.unit()));
                escalations.add(new SlaTimerRepository.Escalation(t.timerId(), t.appealId(), t.clock(), t.step(),
                        t.dueAt(), recipients));
                AppealEvent.Escalated escalated = new AppealEvent.Escalated(t.clock(), t.step(), t.dueAt().toString(),
                        recipients);
                outbox.add(OutboxRow.of(t.appealId(), AppealNotice.Relayed.escalated(escalated)));
                appealEvents.computeIfAbsent(t.appealId(), id -> new ArrayList<>()).add(NewEvent.of(escalated,
                        ACTOR, now, t.clock() + " " + step.label(), PlannedEvent.Visibility.INTERNAL));
                if (step == EscalationStep.SUPERVISION) {
                    supervised.add(t.appealId());
                }
            }
            // Sent together, so that they share round trips (the client pipelines them on the connection). Only
            // the append touches the appeals, and it locks them in id order, so batches side by side wait for each
            // other there and cannot deadlock; the supervision flag is set after it, on rows it has locked.
            Uni<Void> chained = events.append(tx, appealEvents).chain(() -> supervised.isEmpty()
                    ? Uni.createFrom().voidItem() : events.markSupervised(tx, supervised.toArray(Long[]::new)));
            Uni<Void> recorded = escalations.isEmpty() ? Uni.createFrom().voidItem()
                    : timers.recordEscalations(tx, escalations, now);
            Uni<Void> notified = events.notifyAll(tx, outbox);
            return Uni.combine().all().unis(chained, recorded, notified).discardItems()
                    .chain(() -> expire(tx, expired, now))
                    .replaceWith(fired);
        })).invoke(fired -> fired.stream().filter(t -> !EscalationStep.EXPIRY.name().equals(t.step()))
                .forEach(t -> meters.counter("huiyin.sla.escalations", "clock", t.clock(), "step", t.step())
                .increment())) // counted once committed
                .map(List::size);
    }

    /** Hands the expired clocks to whoever acts on their kind, in the claiming transaction. */
    private Uni<Void> expire(SqlConnection tx, List<ClockExpiry.Expired> expired, Instant now) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ClockExpiry expiry : expiries) {
            List<ClockExpiry.Expired> mine = expired.stream().filter(e -> expiry.handles(e.clock())).toList();
            if (!mine.isEmpty()) {
                all = all.chain(() -> expiry.expired(tx, mine, now)).chain(busy -> busy.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : timers.rearm(tx, busy.stream().map(ClockExpiry.Expired::timerId).toArray(Long[]::new)));
            }
        }
        return all;
    }
}
