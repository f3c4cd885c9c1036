package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
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
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fires due escalation steps. Each batch is one transaction: claim due timers, record the escalations,
 * append the appeals' events and the outbox rows for notification. A crash before commit fires nothing
 * (the timers are still pending); after commit the timers are no longer pending. Safe on any number of
 * replicas.
 */
@ApplicationScoped
public class SlaSweeper {

    private static final Logger LOG = Logger.getLogger(SlaSweeper.class);
    public static final String ACTOR = "system:sla";

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
    Instance<ClockExpiry> expiries;

    private final AtomicLong lagMillis = new AtomicLong();

    @PostConstruct
    void gauges() {
        meters.gauge("huiyin.sla.sweeper.lag.seconds", lagMillis, lag -> lag.get() / 1000.0);
    }

    @Scheduled(every = "${huiyin.sla.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().onFailure().invoke(failure -> LOG.warnf("SLA sweep failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Fires everything due now, batch after batch (bounded per call). Returns how many steps fired. */
    public Uni<Integer> sweep() {
        return sweep(0, 0);
    }

    private Uni<Integer> sweep(int batchesDone, int firedSoFar) {
        return fireOneBatch().chain(fired -> {
            int total = firedSoFar + fired;
            if (fired < config.sweepBatch() || batchesDone + 1 >= config.sweepMaxBatches()) {
                return timers.lagSeconds(clock.instant()).invoke(lag -> lagMillis.set((long) (lag * 1000)))
                        .replaceWith(total);
            }
            return sweep(batchesDone + 1, total);
        });
    }

    Uni<Integer> fireOneBatch() {
        var now = clock.instant();
        return pool.withTransaction(tx -> timers.claimDue(tx, now, config.sweepBatch()).chain(fired -> {
            if (fired.isEmpty()) {
                return Uni.createFrom().item(fired);
            }
            List<Tuple> escalations = new ArrayList<>();
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
                escalations.add(Tuple.tuple(List.of(t.timerId(), t.appealId(), t.clock(), t.step(),
                        t.dueAt().atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), recipients)));
                AppealEvent.Escalated escalated = new AppealEvent.Escalated(t.clock(), t.step(), t.dueAt().toString(),
                        recipients);
                outbox.add(OutboxRow.of(t.appealId(), AppealNotice.Relayed.escalated(escalated)));
                appealEvents.computeIfAbsent(t.appealId(), id -> new ArrayList<>()).add(NewEvent.of(escalated,
                        ACTOR, now, t.clock() + " " + step.label(), PlannedEvent.Visibility.INTERNAL));
                if (step == EscalationStep.SUPERVISION) {
                    supervised.add(t.appealId());
                }
            }
            return (escalations.isEmpty() ? Uni.createFrom().voidItem() : timers.recordEscalations(tx, escalations)
                    .chain(() -> events.notifyAll(tx, outbox)))
                    .chain(() -> events.append(tx, appealEvents))
                    .chain(() -> expire(tx, expired, now))
                    .chain(() -> supervised.isEmpty() ? Uni.createFrom().voidItem()
                            : events.markSupervised(tx, supervised.toArray(Long[]::new)))
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
