package cn.huiyin.metrics.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How a period of received days is read from the rollups: the whole calendar months inside it from the monthly rows,
 * the days before and after them (the partial months at both ends) from the daily rows. Every day of the period is in
 * exactly one of the three ranges, so the merged answer is the one the daily rows alone give. An empty range has null
 * ends (SQL's {@code BETWEEN NULL AND NULL} matches nothing).
 */
public record RollupSpan(LocalDate headFrom, LocalDate headTo, LocalDate firstMonth, LocalDate lastMonth,
        LocalDate tailFrom, LocalDate tailTo) {

    /** The period [from, to]; an open end (null) or an empty period is read day by day. */
    public static RollupSpan of(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            return new RollupSpan(from, to, null, null, null, null);
        }
        LocalDate first = from.getDayOfMonth() == 1 ? from : YearMonth.from(from).plusMonths(1).atDay(1);
        YearMonth lastWhole = to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to)
                : YearMonth.from(to).minusMonths(1);
        LocalDate last = lastWhole.atDay(1);
        if (first.isAfter(last)) {
            return new RollupSpan(from, to, null, null, null, null);
        }
        LocalDate monthsEnd = lastWhole.atEndOfMonth();
        return new RollupSpan(from.isBefore(first) ? from : null, from.isBefore(first) ? first.minusDays(1) : null,
                first, last, to.isAfter(monthsEnd) ? monthsEnd.plusDays(1) : null, to.isAfter(monthsEnd) ? to : null);
    }

    /** Whether any whole month is read from the monthly rows. */
    public boolean hasMonths() {
        return firstMonth != null;
    }

    /** The last day of the whole months, or null. */
    public LocalDate monthsEnd() {
        return lastMonth == null ? null : YearMonth.from(lastMonth).atEndOfMonth();
    }

    /** Whether the day falls in the whole months (read from the monthly rows). */
    public boolean inMonths(LocalDate day) {
        return hasMonths() && !day.isBefore(firstMonth) && !day.isAfter(monthsEnd());
    }
}
