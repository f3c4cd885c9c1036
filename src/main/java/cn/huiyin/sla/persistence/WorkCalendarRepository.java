package cn.huiyin.sla.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.sla.domain.WorkCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The official holidays and make-up workdays, and which years are loaded. */
@ApplicationScoped
public class WorkCalendarRepository {

    public record CalendarDay(LocalDate day, String kind, String name) {
    }

    public record CalendarData(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> years) {
    }

    private static final Logger LOG = Logger.getLogger(WorkCalendarRepository.class);

    @Inject
    Pool pool;

    /**
     * The calendar as stored. A row that could never have been imported (a day outside the supported years, or in a
     * year not marked loaded) is skipped with one warning rather than failing every deadline computed after it: the
     * out-of-range dates are not even decoded, since the driver cannot read some of them back.
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

    /** Replaces the listed years' days with these (a year's notice is imported whole) and marks them loaded. */
    public Uni<Void> importYears(Set<Integer> years, List<CalendarDay> days, String source) {
        List<Tuple> rows = new ArrayList<>();
        days.forEach(d -> rows.add(Tuple.of(d.day(), d.kind(), d.name())));
        Integer[] yearArray = years.toArray(Integer[]::new);
        return pool.withTransaction(tx -> tx
                .preparedQuery("DELETE FROM work_calendar_day WHERE extract(year FROM day)::int = ANY($1)")
                .execute(Tuple.of(yearArray))
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("INSERT INTO work_calendar_day (day, kind, name) VALUES ($1, $2, $3)")
                                .executeBatch(rows).replaceWithVoid())
                .chain(() -> tx.preparedQuery("""
                        INSERT INTO work_calendar_year (year, source) SELECT y, $2 FROM unnest($1::int[]) AS y
                        ON CONFLICT (year) DO UPDATE SET imported_at = now(), source = excluded.source""")
                        .execute(Tuple.of(yearArray, source)))
                .replaceWithVoid());
    }
}
