package cn.huiyin.sla.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    @Inject
    Pool pool;

    public Uni<CalendarData> load() {
        return Uni.combine().all()
                .unis(pool.query("SELECT day, kind FROM work_calendar_day").execute(),
                        pool.query("SELECT year FROM work_calendar_year").execute())
                .with((days, years) -> {
                    Set<LocalDate> holidays = new HashSet<>();
                    Set<LocalDate> workdays = new HashSet<>();
                    for (Row row : days) {
                        ("HOLIDAY".equals(row.getString("kind")) ? holidays : workdays).add(row.getLocalDate("day"));
                    }
                    Set<Integer> loaded = new HashSet<>();
                    years.forEach(row -> loaded.add(row.getInteger("year")));
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
