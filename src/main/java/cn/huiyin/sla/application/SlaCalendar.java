package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.shared.CachedUni;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.OfficePeriod;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.domain.WorkCalendar;
import cn.huiyin.sla.persistence.ClockRuleRepository;
import cn.huiyin.sla.persistence.WorkCalendarRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * The work calendar and the clock rules currently in force, read from the database once and kept until
 * an import or a rule change asks for a reload. Counts, as a metric and a log warning, the years around
 * today whose official calendar is not loaded (those fall back to a Mon–Fri week).
 */
@ApplicationScoped
public class SlaCalendar {

    private static final Logger LOG = Logger.getLogger(SlaCalendar.class);

    @Inject
    WorkCalendarRepository calendars;

    @Inject
    ClockRuleRepository rules;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    private final AtomicInteger missingYears = new AtomicInteger();
    private CachedUni<SlaPlanner> planner;

    /** A malformed office-hours or zone setting stops the start instead of failing every later deadline. */
    void checkSettings(@Observes StartupEvent event) {
        officeHours();
        ZoneId.of(config.zone());
    }

    @PostConstruct
    void init() {
        meters.gauge("huiyin.sla.calendar.missing.years", missingYears);
        planner = new CachedUni<>(Uni.combine().all().unis(calendars.load(), rules.load()).with(this::build), null);
    }

    /** The planner with today's calendar and rules. */
    public Uni<SlaPlanner> planner() {
        return planner.get();
    }

    public Uni<DeadlineCalculator> calculator() {
        return planner.get().map(SlaPlanner::calculator);
    }

    /** Forget the cached calendar and rules; the next use reads them again. */
    public void reload() {
        planner.invalidate();
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
