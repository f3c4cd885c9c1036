package cn.huiyin.metrics.web;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.huiyin.metrics.application.Query;
import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.web.DayParameter;
import cn.huiyin.shared.web.ProblemException;

/** Reads a metrics question from query parameters; the period defaults to the last 30 days. */
final class QueryParams {

    static final int DEFAULT_DAYS = 30;

    private QueryParams() {
    }

    static Query parse(LocalDate today, String from, String to, String unit, String street, String category) {
        LocalDate last = DayParameter.read(to, "to", today);
        LocalDate first = DayParameter.read(from, "from", last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        if (first.plusYears(10).isBefore(last)) {
            throw ProblemException.badRequest("from", "a period is at most ten years");
        }
        return new Query(first, last, blank(unit), blank(street), blank(category));
    }

    /** The month asked for, or last month (the latest complete one). */
    static YearMonth month(LocalDate today, String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.from(today).minusMonths(1);
        }
        return Timestamps.month(value).orElseThrow(() -> ProblemException.badRequest("month",
                "month is a year and month in years 1-9999, e.g. 2026-10"));
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
