package cn.huiyin.sla.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.sla.domain.WorkCalendar;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The official holidays and make-up workdays, and which years are loaded. Importing a notice is administration and
 * goes through Hibernate Reactive entities; {@link #load()} feeds the deadline planner that intake, the sweeper and the
 * metrics projector share, and stays on the raw reactive client (ADR 0012).
 */
@ApplicationScoped
public class WorkCalendarRepository {

    public record CalendarDay(LocalDate day, String kind, String name) {
    }

    public record CalendarData(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> years) {
    }

    private static final Logger LOG = Logger.getLogger(WorkCalendarRepository.class);

    /** Rows per round trip when a notice's days are written. */
    private static final int INSERT_BATCH = 500;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /**
     * The calendar as stored. A row that could never have been imported (a day outside the supported years, or in a
     * year not marked loaded) is skipped with one warning rather than failing every deadline computed after it: the
     * out-of-range dates are not even decoded, since the driver cannot read some of them back.
     * <p>
     * On the raw client: {@code SlaCalendar} builds this {@code Uni} once and subscribes it again after every reload,
     * from whichever caller needs the planner first (intake's group commit, the sweeper, the projector), and a Hibernate
     * Reactive session can only be opened on the Vert.x context it is built on.
     */
    public Uni<CalendarData> load() {
        LocalDate first = LocalDate.of(WorkCalendar.FIRST_YEAR, 1, 1);
        LocalDate last = LocalDate.of(WorkCalendar.LAST_YEAR, 12, 31);
        return Uni.combine().all()
                .unis(pool.preparedQuery("""
                                SELECT CASE WHEN day BETWEEN $1 AND $2 THEN day END AS day, kind
                                FROM work_calendar_day""").execute(Tuple.of(first, last)),
                        pool.query("SELECT year FROM work_calendar_year").execute())
                .with((days, years) -> {
                    Set<Integer> loaded = new HashSet<>();
                    years.forEach(row -> {
                        int year = row.getInteger("year");
                        if (WorkCalendar.isSupportedYear(year)) {
                            loaded.add(year);
                        }
                    });
                    Set<LocalDate> holidays = new HashSet<>();
                    Set<LocalDate> workdays = new HashSet<>();
                    int skipped = 0;
                    for (Row row : days) {
                        LocalDate day = row.getLocalDate("day");
                        if (day == null || !loaded.contains(day.getYear())) {
                            skipped++;
                            continue;
                        }
                        ("HOLIDAY".equals(row.getString("kind")) ? holidays : workdays).add(day);
                    }
                    if (skipped > 0) {
                        LOG.warnf("work calendar: skipped %d stored day(s) outside the years %d-%d or in a year not "
                                + "marked loaded; correct table work_calendar_day", skipped, WorkCalendar.FIRST_YEAR,
                                WorkCalendar.LAST_YEAR);
                    }
                    return new CalendarData(holidays, workdays, loaded);
                });
    }

    /**
     * Replaces the listed years' days with these (a year's notice is imported whole) and marks them loaded, in one
     * transaction. The inserts go out in batches: a notice may list up to 2,000 days.
     */
    @WithTransaction
    public Uni<Void> importYears(Set<Integer> years, List<CalendarDay> days, String source) {
        List<Integer> replaced = List.copyOf(years);
        Instant now = clock.instant();
        return Panache.getSession().invoke(session -> session.setBatchSize(INSERT_BATCH))
                .chain(() -> WorkCalendarDayEntity.delete(
                        "delete from WorkCalendarDayEntity d where extract(year from d.day) in ?1", replaced))
                .chain(() -> WorkCalendarDayEntity.persist(days.stream().map(WorkCalendarRepository::entity).toList()))
                .chain(() -> WorkCalendarYearEntity.<WorkCalendarYearEntity> list(
                        "from WorkCalendarYearEntity y where y.year in ?1", replaced))
                .chain(loaded -> WorkCalendarYearEntity.persist(marked(replaced, loaded, source, now)));
    }

    private static WorkCalendarDayEntity entity(CalendarDay day) {
        WorkCalendarDayEntity entity = new WorkCalendarDayEntity();
        entity.day = day.day();
        entity.kind = day.kind();
        entity.name = day.name();
        return entity;
    }

    /** Each year marked loaded now from {@code source}: the row it had, or a new one. */
    private static List<WorkCalendarYearEntity> marked(List<Integer> years, List<WorkCalendarYearEntity> loaded, String source,
            Instant now) {
        Map<Integer, WorkCalendarYearEntity> byYear = new HashMap<>();
        loaded.forEach(year -> byYear.put(year.year, year));
        List<WorkCalendarYearEntity> marked = new ArrayList<>();
        for (Integer year : years) {
            WorkCalendarYearEntity entity = byYear.computeIfAbsent(year, y -> {
                WorkCalendarYearEntity created = new WorkCalendarYearEntity();
                created.year = y;
                return created;
            });
            entity.importedAt = now;
            entity.source = source;
            marked.add(entity);
        }
        return marked;
    }
}
