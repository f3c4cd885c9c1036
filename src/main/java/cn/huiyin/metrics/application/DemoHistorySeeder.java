package cn.huiyin.metrics.application;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.metrics.MetricsConfig;
import cn.huiyin.metrics.domain.DemoHistory;
import cn.huiyin.metrics.persistence.DemoHistoryRepository;
import cn.huiyin.shared.demo.DemoConfig;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.application.SlaCalendar;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Demo mode only ({@code huiyin.demo.enabled}): seeds months of history once, in the background, so a first run's
 * dashboard and ranking are alive. Never runs in production, where demo mode is off.
 */
@ApplicationScoped
public class DemoHistorySeeder {

    private static final Logger LOG = Logger.getLogger(DemoHistorySeeder.class);
    private static final int BATCH = 100;

    @Inject
    DemoConfig demo;

    @Inject
    MetricsConfig config;

    @Inject
    SlaConfig sla;

    @Inject
    DemoHistoryRepository history;

    @Inject
    SlaCalendar calendar;

    @Inject
    MetricsProjector projector;

    @Inject
    Clock clock;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        if (!demo.enabled() || config.demoHistory().appeals() <= 0) {
            return;
        }
        seed().subscribe().with(n -> LOG.infof("DEMO MODE: %d appeals of history seeded for the dashboard", n),
                failure -> LOG.warnf("demo history not seeded: %s", failure.getMessage()));
    }

    /** Seeds the history unless it is there already; returns how many appeals were written. */
    public Uni<Integer> seed() {
        return history.alreadySeeded().chain(seeded -> seeded ? Uni.createFrom().item(0)
                : Uni.combine().all().unis(history.examples(), history.streets(), calendar.planner())
                        .asTuple().chain(t -> {
                            List<DemoHistory.Appeal> appeals = new DemoHistory(20260101L, t.getItem3(), ZoneId.of(sla.zone()))
                                    .draw(config.demoHistory().appeals(), t.getItem1(), t.getItem2(), clock.instant(),
                                            config.demoHistory().months());
                            return writeFrom(appeals, 0).chain(() -> projector.projectAll()).replaceWith(appeals.size());
                        }));
    }

    private Uni<Void> writeFrom(List<DemoHistory.Appeal> appeals, int from) {
        if (from >= appeals.size()) {
            return Uni.createFrom().voidItem();
        }
        int to = Math.min(appeals.size(), from + BATCH);
        return history.write(appeals.subList(from, to), from).chain(() -> writeFrom(appeals, to));
    }
}
