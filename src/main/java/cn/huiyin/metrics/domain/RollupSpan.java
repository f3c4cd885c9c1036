package cn.huiyin.metrics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * How a period of received days is read from the rollups: months from the monthly rows, the days before and after
 * them from the daily rows. A month only partly in the period is read from its month row when that covers more days
 * than it misses, and the days it misses (before {@code from} in the first month, after {@code to} in the last) are
 * then subtracted — counts and histogram buckets subtract exactly; otherwise its days in the period are read one by
 * one. Every day of the period is counted exactly once, so the answer is the one the daily rows alone give. An empty
 * range has null ends (SQL's {@code BETWEEN NULL AND NULL} matches nothing).
 */
public record RollupSpan(LocalDate headFrom, LocalDate headTo, LocalDate firstMonth, LocalDate lastMonth,
        LocalDate tailFrom, LocalDate tailTo, LocalDate cutBeforeFrom, LocalDate cutBeforeTo, LocalDate cutAfterFrom,
        LocalDate cutAfterTo) {

    /** Day by day: the whole period from the daily rows. */
    private static RollupSpan daily(LocalDate from, LocalDate to) {
        return new RollupSpan(from, to, null, null, null, null, null, null, null, null);
    }

    /** The period [from, to], any day of which may hold rows; an open end (null) or an empty period is read day by day. */
    public static RollupSpan of(LocalDate from, LocalDate to) {
        return of(from, to, null);
    }

    /**
     * The period [from, to] where no day after {@code lastDay} (today; null: unknown) holds rows yet, so missing days
     * after it cost nothing to subtract. The choice only changes how many rows are read, never the answer.
     */
    public static RollupSpan of(LocalDate from, LocalDate to, LocalDate lastDay) {
        if (from == null || to == null || from.isAfter(to)) {
            return daily(from, to);
        }
        YearMonth head = YearMonth.from(from);
        YearMonth tail = YearMonth.from(to);
        YearMonth first = cheaperAsMonth(head, from, to, lastDay) ? head : head.plusMonths(1);
        YearMonth last = cheaperAsMonth(tail, from, to, lastDay) ? tail : tail.minusMonths(1);
        if (first.isAfter(last)) {
            return daily(from, to);
        }
        LocalDate monthsStart = first.atDay(1);
        LocalDate monthsEnd = last.atEndOfMonth();
        boolean cutBefore = from.isAfter(monthsStart);
        boolean cutAfter = to.isBefore(monthsEnd);
        return new RollupSpan(from.isBefore(monthsStart) ? from : null,
                from.isBefore(monthsStart) ? monthsStart.minusDays(1) : null, monthsStart, last.atDay(1),
                to.isAfter(monthsEnd) ? monthsEnd.plusDays(1) : null, to.isAfter(monthsEnd) ? to : null,
                cutBefore ? monthsStart : null, cutBefore ? from.minusDays(1) : null, cutAfter ? to.plusDays(1) : null,
                cutAfter ? monthsEnd : null);
    }

    /** Whether the month's row and the subtraction of its days outside [from, to] read fewer rows than its days inside. */
    private static boolean cheaperAsMonth(YearMonth month, LocalDate from, LocalDate to, LocalDate lastDay) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        LocalDate coveredFrom = from.isAfter(start) ? from : start;
        LocalDate coveredTo = to.isBefore(end) ? to : end;
        long covered = days(coveredFrom, coveredTo);
        LocalDate rowsEnd = lastDay == null || lastDay.isAfter(end) ? end : lastDay;
        long missing = days(start, min(coveredFrom.minusDays(1), rowsEnd)) + days(coveredTo.plusDays(1), rowsEnd);
        return 1 + missing < covered;
    }

    private static long days(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether any month is read from the monthly rows. */
    public boolean hasMonths() {
        return firstMonth != null;
    }

    /** The last day of the months read, or null. */
    public LocalDate monthsEnd() {
        return lastMonth == null ? null : YearMonth.from(lastMonth).atEndOfMonth();
    }

    /** Whether the day falls in the months read from the monthly rows (which may include days cut away again). */
    public boolean inMonths(LocalDate day) {
        return hasMonths() && !day.isBefore(firstMonth) && !day.isAfter(monthsEnd());
    }

    /** Whether the day is read from a month row and then subtracted again. */
    public boolean isCut(LocalDate day) {
        return within(day, cutBeforeFrom, cutBeforeTo) || within(day, cutAfterFrom, cutAfterTo);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return from != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
