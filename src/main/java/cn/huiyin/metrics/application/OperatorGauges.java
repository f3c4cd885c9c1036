package cn.huiyin.metrics.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.metrics.domain.OverdueAge;
import cn.huiyin.metrics.persistence.FactReadRepository;
import cn.huiyin.metrics.persistence.OperatorReadRepository;
import cn.huiyin.metrics.persistence.RollupRepository.Filter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Prometheus gauges for operators, refreshed on a timer from the projection (cheap, index-backed reads):
 * appeals received in the last hour per channel, open appeals per state, overdue appeals per age, and the
 * projector's own lag. The SLA sweeper's lag is {@code huiyin_sla_sweeper_lag_seconds} (SlaSweeper).
 */
@ApplicationScoped
public class OperatorGauges {

    private static final Logger LOG = Logger.getLogger(OperatorGauges.class);

    @Inject
    OperatorReadRepository operators;

    @Inject
    FactReadRepository facts;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private MultiGauge intake;
    private MultiGauge open;
    private MultiGauge overdue;
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);

    @PostConstruct
    void register() {
        intake = MultiGauge.builder("huiyin.intake.received.last.hour").description("appeals received in the last hour")
                .register(meters);
        open = MultiGauge.builder("huiyin.appeals.open").description("open appeals by state").register(meters);
        overdue = MultiGauge.builder("huiyin.appeals.overdue").description("open appeals past their handling due time")
                .register(meters);
        meters.gauge("huiyin.metrics.projector.pending.events", pendingEvents);
        meters.gauge("huiyin.metrics.projector.lag.seconds", lagSeconds, AtomicReference::get);
    }

    @Scheduled(every = "${huiyin.metrics.gauges-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh().onFailure().invoke(f -> LOG.warnf("operator gauges not refreshed: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    public Uni<Void> refresh() {
        var now = clock.instant();
        Filter everything = new Filter(null, null, null, null, null);
        return Uni.combine().all().unis(operators.receivedSinceByChannel(now.minus(Duration.ofHours(1))),
                operators.openByState(), facts.overdueByAge(everything, now), operators.projectorLag())
                .with((byChannel, byState, byAge, lag) -> {
                    intake.register(rows(byChannel, "channel"), true);
                    open.register(rows(byState, "state"), true);
                    List<MultiGauge.Row<?>> ages = new ArrayList<>();
                    for (Map.Entry<OverdueAge, Long> e : byAge.entrySet()) {
                        ages.add(MultiGauge.Row.of(Tags.of("age", e.getKey().name()), e.getValue()));
                    }
                    overdue.register(ages, true);
                    pendingEvents.set(lag.pendingEvents());
                    lagSeconds.set(lag.seconds());
                    return null;
                });
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> counts, String tag) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(MultiGauge.Row.of(Tags.of(tag, key), n)));
        return rows;
    }
}
