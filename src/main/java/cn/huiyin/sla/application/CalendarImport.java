package cn.huiyin.sla.application;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.cache.SharedCache;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.domain.WorkCalendarCsv;
import cn.huiyin.sla.persistence.WorkCalendarRepository;
import cn.huiyin.sla.persistence.WorkCalendarRepository.CalendarDay;
import io.smallrye.mutiny.Uni;

/**
 * Imports a year's official holiday notice (CSV) and re-times the running clocks under it. The whole file is
 * checked before anything is written, and written in one transaction: a file with one bad line changes nothing.
 */
@ApplicationScoped
public class CalendarImport {

    public record Result(Set<Integer> importedYears, int days, int clocksRetimed) {
    }

    @Inject
    WorkCalendarRepository calendars;

    @Inject
    ClockRetiming clocks;

    @Inject
    SlaCalendar calendar;

    public Uni<Result> importCsv(String csv, String source) {
        List<WorkCalendarCsv.Day> parsed;
        try {
            parsed = WorkCalendarCsv.read(new StringReader(csv == null ? "" : csv));
        } catch (WorkCalendarCsv.Invalid e) {
            return Uni.createFrom().failure(invalid(e));
        }
        if (parsed.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(
                    Problem.of(422, "invalid-calendar", "Invalid calendar", "The file lists no dates").withField("body")));
        }
        List<CalendarDay> days = parsed.stream()
                .map(d -> new CalendarDay(d.date(), d.kind().name(), d.name()))
                .toList();
        Set<Integer> years = new TreeSet<>();
        parsed.forEach(d -> years.add(d.date().getYear()));
        return calendars.importYears(years, days, source)
                .invoke(() -> calendar.changed(SharedCache.CALENDAR))
                .chain(() -> clocks.recompute())
                .map(retimed -> new Result(years, days.size(), retimed));
    }

    /** 422 naming every refused line ({@code line[3].date}), the first one also in {@code field}. */
    private static ProblemException invalid(WorkCalendarCsv.Invalid e) {
        List<FieldViolation> errors = e.errors();
        String detail = e.getMessage() + (e.truncated() ? "; only the first " + errors.size() + " mistakes are listed" : "");
        Problem base = Problem.of(422, "invalid-calendar", "Invalid calendar", detail);
        List<Problem.InvalidField> fields = errors.stream()
                .map(v -> new Problem.InvalidField(v.field(), v.code(), v.message(), v.messageZh()))
                .toList();
        return new ProblemException(new Problem(base.type(), base.title(), base.status(), base.detail(),
                errors.get(0).field(), fields, null));
    }
}
