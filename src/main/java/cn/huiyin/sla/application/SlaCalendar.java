package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.shared.cache.CacheChanges;
import cn.huiyin.shared.cache.SharedCache;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.OfficePeriod;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.domain.WorkCalendar;
import cn.huiyin.sla.persistence.ClockRuleRepository;
import cn.huiyin.sla.persistence.ReferenceVersionRepository;
import cn.huiyin.sla.persistence.WorkCalendarRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * The work calendar and the clock rules, read from the database and kept per replica. A change made on any replica
 * (a rule version added, a calendar imported) is picked up at the next use after it is announced
 * ({@link CacheChanges}), and in any case within {@code huiyin.sla.change-check-every}: see {@link PlannerCache}.
 * Counts, as a metric and a log warning, the years around today whose official calendar is not loaded (those fall
 * back to a Mon–Fri week).
 */
@ApplicationScoped
public class SlaCalendar {

    private static final Logger LOG = Logger.getLogger(SlaCalendar.class);

    @Inject
    WorkCalendarRepository calendars;

    @Inject
    ClockRuleRepository rules;

    @Inject
    ReferenceVersionRepository versions;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    CacheChanges changes;

    private final AtomicInteger missingYears = new AtomicInteger();
    private PlannerCache planner;

    /** A malformed office-hours or zone setting stops the start instead of failing every later deadline. */
    void checkSettings(@Observes StartupEvent event) {
        officeHours();
        ZoneId.of(config.zone());
    }

    @PostConstruct
    void init() {
        meters.gauge("huiyin.sla.calendar.missing.years", missingYears);
        planner = newCache(System::nanoTime);
        changes.onChange(SharedCache.CLOCK_RULES, planner::recheckNow);
        changes.onChange(SharedCache.CALENDAR, planner::recheckNow);
    }

    /**
     * A cache of its own over the stored calendar and rules, as each replica holds one.
     *
     * @param ticker nanoseconds, as {@link System#nanoTime()} counts them
     */
    PlannerCache newCache(LongSupplier ticker) {
        return new PlannerCache(versions.current(), Uni.combine().all().unis(calendars.load(), rules.load()).with(this::build),
                config.changeCheckEvery(), ticker);
    }

    /** The planner with the stored calendar and every rule version (as of the last check). */
    public Uni<SlaPlanner> planner() {
        return planner.get();
    }

    /** The planner, sure to hold these rule versions (of running clocks, which may be newer than the last check). */
    public Uni<SlaPlanner> plannerKnowing(Collection<Long> ruleIds) {
        return planner.knowing(ruleIds);
    }

    public Uni<DeadlineCalculator> calculator() {
        return planner.get().map(SlaPlanner::calculator);
    }

    /** Forget this replica's calendar and rules at once (after a change made here); the next use reads them again. */
    public void reload() {
        planner.invalidate();
    }

    /**
     * After a commit that changed the stored rules or calendar: this replica reads them again at its next use, and the
     * others check theirs at their next use ({@link CacheChanges}), or within their period if they do not hear it.
     */
    public void changed(SharedCache what) {
        reload();
        changes.changed(what);
    }

    /** This year and next year when they are not loaded: what the warning is about. */
    public Set<Integer> missingYearsAround(WorkCalendar calendar) {
        int thisYear = Year.now(clock.withZone(calendar.zone())).getValue();
        Set<Integer> missing = new TreeSet<>();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.isLoaded(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    private SlaPlanner build(WorkCalendarRepository.CalendarData data, ClockRules clockRules) {
        WorkCalendar calendar = new WorkCalendar(data.holidays(), data.workdays(), data.years(), officeHours(),
                ZoneId.of(config.zone()));
        Set<Integer> missing = missingYearsAround(calendar);
        missingYears.set(missing.size());
        if (!missing.isEmpty()) {
            LOG.warnf("work calendar not loaded for %s: deadlines there count a plain Mon–Fri week; import the "
                    + "official notice at POST /api/v1/sla/calendar", missing);
        }
        return new SlaPlanner(clockRules, new DeadlineCalculator(calendar));
    }

    private List<OfficePeriod> officeHours() {
        return config.officeHours().stream().map(period -> {
            String[] ends = period.trim().split("-");
            return new OfficePeriod(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
        }).toList();
    }
}
