package cn.huiyin.appeal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.persistence.RevealReport;
import cn.huiyin.appeal.persistence.RevealReport.Reveal;
import cn.huiyin.shared.web.DayParameter;
import cn.huiyin.shared.web.PageTime;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The audit report of personal data shown in full: who saw which contact field of which appeal, when and why.
 * A period is whole days of Beijing time, both ends included, the last 30 days unless asked otherwise.
 */
@ApplicationScoped
public class RevealAudit {

    /** What was asked, as understood; {@code unit} null for all units. */
    public record Period(LocalDate from, LocalDate to, String unit) {
    }

    public record Report(LocalDate from, LocalDate to, String unit, List<Reveal> items, boolean truncated) {
    }

    static final int DEFAULT_DAYS = 30;

    /** The most rows one answer holds; a longer period is to be asked for in parts. */
    public static final int LIMIT = 1000;

    @Inject
    RevealReport reveals;

    @Inject
    Clock clock;

    /** Reads the query parameters; a malformed one is a {@code 400} naming it ({@code from}, {@code to}, {@code unit}). */
    public Period period(String from, String to, String unit) {
        LocalDate last = DayParameter.read(to, "to", LocalDate.now(clock.withZone(PageTime.BEIJING)));
        LocalDate first = DayParameter.read(from, "from", last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        if (first.plusYears(1).isBefore(last)) {
            throw ProblemException.badRequest("from", "a period is at most one year");
        }
        String code = unit == null || unit.isBlank() ? null : unit.strip();
        if (code != null && !code.matches("[A-Z][A-Z0-9_-]{1,31}")) {
            throw ProblemException.badRequest("unit", "unit is a handling unit's code, e.g. TAX");
        }
        return new Period(first, last, code);
    }

    public Uni<Report> report(Period period) {
        return (period.unit() == null ? Uni.createFrom().voidItem() : reveals.units().invoke(units -> {
            if (!units.containsKey(period.unit())) {
                throw ProblemException.badRequest("unit", "No handling unit " + period.unit());
            }
        }).replaceWithVoid())
                .chain(() -> reveals.between(period.from().atStartOfDay(PageTime.BEIJING).toInstant(),
                        period.to().plusDays(1).atStartOfDay(PageTime.BEIJING).toInstant(), period.unit(), LIMIT + 1))
                .map(rows -> new Report(period.from(), period.to(), period.unit(),
                        rows.size() > LIMIT ? rows.subList(0, LIMIT) : rows, rows.size() > LIMIT));
    }

    public Uni<Map<String, String>> units() {
        return reveals.units();
    }

}
