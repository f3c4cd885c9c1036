package cn.huiyin.sla.application;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.domain.WorkCalendar;
import cn.huiyin.sla.persistence.WorkCalendarRepository;
import cn.huiyin.sla.persistence.WorkCalendarRepository.CalendarDay;
import io.smallrye.mutiny.Uni;

/** Imports a year's official holiday notice (CSV) and re-times the running clocks under it. */
@ApplicationScoped
public class CalendarImport {

    public record Result(Set<Integer> importedYears, int days, int clocksRetimed) {
    }

    @Inject
    WorkCalendarRepository calendars;

    @Inject
    SlaClockService clocks;

    public Uni<Result> importCsv(String csv, String source) {
        WorkCalendar parsed;
        try {
            parsed = WorkCalendar.parseCsv(new StringReader(csv == null ? "" : csv));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ProblemException(
                    Problem.of(422, "invalid-calendar", "Invalid calendar", e.getMessage()).withField("body")));
        }
        if (parsed.loadedYears().isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(
                    Problem.of(422, "invalid-calendar", "Invalid calendar", "The file lists no dates").withField("body")));
        }
        List<CalendarDay> days = new ArrayList<>();
        parsed.holidays().forEach(d -> days.add(new CalendarDay(d, "HOLIDAY", name(csv, d))));
        parsed.workdays().forEach(d -> days.add(new CalendarDay(d, "WORKDAY", name(csv, d))));
        Set<Integer> years = new TreeSet<>(parsed.loadedYears());
        return calendars.importYears(years, days, source)
                .chain(() -> clocks.recompute())
                .map(retimed -> new Result(years, days.size(), retimed));
    }

    /** The holiday's name as written on its line (the parsed calendar keeps only dates). */
    private static String name(String csv, LocalDate day) {
        for (String line : csv.split("\\R")) {
            if (line.startsWith(day.toString() + ",")) {
                String[] fields = line.split(",", 3);
                return fields.length > 2 ? fields[2].strip() : "";
            }
        }
        return "";
    }
}
