package cn.huiyin.risk.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.risk.RiskConfig;
import cn.huiyin.risk.domain.BreachForecast;
import cn.huiyin.risk.persistence.RiskRepository;
import cn.huiyin.risk.persistence.RiskRepository.RiskRow;
import cn.huiyin.sla.application.SlaCalendar;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Breaches seen coming: every open appeal's probability of missing its handling deadline (风险), recomputed on every
 * replica's schedule as the backlog changes, and read by the work queue, the supervision desk (预计超时) and the
 * leaders' dashboard. One replica refreshes at a time (a transaction-scoped advisory lock); the others skip that
 * round. The arithmetic runs on a worker thread, because at a deep backlog it takes longer than an event-loop turn.
 */
@ApplicationScoped
public class BreachRisks {

    private static final Logger LOG = Logger.getLogger(BreachRisks.class);

    private static final String[] WAITING = Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer)
            .map(Enum::name).toArray(String[]::new);

    @Inject
    RiskRepository risks;

    @Inject
    SlaCalendar calendar;

    @Inject
    RiskConfig config;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Scheduled(every = "${huiyin.risk.refresh-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh().onFailure().invoke(failure -> LOG.warnf("breach risk refresh failed, will retry: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Recomputes every open appeal's risk now; the number written, or -1 when another replica is at it. */
    public Uni<Integer> refresh() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant since = now.minus(config.window());
        BreachForecast forecast = new BreachForecast(config.loadExponent(), config.maxStretch());
        return calendar.calculator().chain(calculator -> pool.withTransaction(tx -> risks.tryRefreshLock(tx)
                .chain(locked -> !locked ? Uni.createFrom().item(-1)
                        : Uni.combine().all().unis(risks.openClocks(tx, WAITING),
                                risks.answeredStartedSince(tx, since, config.samplesPerUnit())).asTuple()
                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(read -> new RiskComputation(calculator, forecast, config.samplesPerUnit())
                                        .risks(read.getItem1(), read.getItem2(), since, now))
                                .chain(computed -> risks.replaceAll(tx, computed, now).replaceWith(computed.size())))));
    }

    /** The risk of each of these appeals that has a running handling clock, by appeal id. */
    public Uni<Map<Long, Double>> of(Long[] appealIds) {
        if (appealIds.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return risks.of(appealIds).map(rows -> {
            Map<Long, Double> byAppeal = new HashMap<>();
            rows.forEach(r -> byAppeal.put(r.appealId(), r.missProbability()));
            return byAppeal;
        });
    }

    /** Appeals expected late (预计超时): not late yet, but likely to miss; of one unit or (null) of all. */
    public Uni<List<ExpectedLate>> expectedLate(String unit, int limit) {
        return risks.expectedLate(unit, config.expectedLateAt(), clock.instant(), limit)
                .map(rows -> rows.stream().map(BreachRisks::view).toList());
    }

    /** How many appeals each unit has expected late, most first. */
    public Uni<Map<String, Long>> expectedLateByUnit() {
        return risks.expectedLateByUnit(config.expectedLateAt(), clock.instant()).map(counts -> {
            Map<String, Long> byUnit = new LinkedHashMap<>();
            counts.forEach(c -> byUnit.put(c.unit(), c.expectedLate()));
            return byUnit;
        });
    }

    private static ExpectedLate view(RiskRow r) {
        return new ExpectedLate(r.trackingNo(), r.title(), r.status(), r.unit(), r.unitName(), r.holder(),
                r.missProbability(), r.handleDueAt(), r.computedAt());
    }

    /** From this probability an appeal counts as expected late. */
    public double expectedLateAt() {
        return config.expectedLateAt();
    }
}
