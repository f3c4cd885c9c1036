package cn.huiyin.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The office periods of a run of days, in order, worked out once. The yellow light of every clock of a rule started
 * on the first day is found in them with the arithmetic of {@link OfficeWalk}, on nanoseconds after the first opening,
 * without turning each day's office hours into instants again (that walk made most of the planning's garbage).
 */
final class OfficePeriods {

    static final OfficePeriods NONE = new OfficePeriods(Instant.EPOCH, new long[0], new long[0]);

    private static final long NOT_REACHED = Long.MIN_VALUE;

    private final Instant base;
    private final long[] starts;
    private final long[] ends;

    private OfficePeriods(Instant base, long[] starts, long[] ends) {
        this.base = base;
        this.starts = starts;
        this.ends = ends;
    }

    /** The periods of the working days from {@code first} to {@code last}, both included. */
    static OfficePeriods of(WorkCalendar calendar, LocalDate first, LocalDate last) {
        List<Instant> bounds = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                for (OfficePeriod period : calendar.officeHours()) {
                    bounds.add(ZonedDateTime.of(day, period.start(), calendar.zone()).toInstant());
                    bounds.add(ZonedDateTime.of(day, period.end(), calendar.zone()).toInstant());
                }
            }
        }
        if (bounds.isEmpty()) {
            return NONE;
        }
        Instant base = bounds.get(0);
        long[] starts = new long[bounds.size() / 2];
        long[] ends = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = nanosAfter(base, bounds.get(2 * i));
            ends[i] = nanosAfter(base, bounds.get(2 * i + 1));
        }
        return new OfficePeriods(base, starts, ends);
    }

    /**
     * {@link DeadlineCalculator#pointAt} for a working-time clock from {@code from} (on the first day) to {@code to}
     * (on the last), or null when the point lies past the last day.
     */
    Instant pointAt(Instant from, Instant to, int percent) {
        long start = nanosAfter(base, from);
        long budget = between(start, nanosAfter(base, to));
        long share = Duration.ofNanos(budget).multipliedBy(percent).dividedBy(100).toNanos();
        long point = advance(start, share);
        return point == NOT_REACHED ? null : base.plusNanos(point);
    }

    /** Office time inside {@code [from, to)}, as {@link OfficeWalk#between}. */
    private long between(long from, long to) {
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            long begin = Math.max(from, starts[i]);
            long end = Math.min(to, ends[i]);
            if (end > begin) {
                total += end - begin;
            }
        }
        return total;
    }

    /** As {@link OfficeWalk#advance}, or {@link #NOT_REACHED} when {@code budget} outlasts these periods. */
    private long advance(long from, long budget) {
        long cursor = from;
        long left = budget;
        for (int i = 0; i < starts.length; i++) {
            if (ends[i] <= cursor) {
                continue;
            }
            long begin = Math.max(cursor, starts[i]);
            long available = ends[i] - begin;
            if (left <= available) {
                return begin + left;
            }
            left -= available;
            cursor = ends[i];
        }
        return NOT_REACHED;
    }

    /** Exact for the calendar's years (2000–2100 lie within ±292 years of any base). */
    private static long nanosAfter(Instant base, Instant instant) {
        return (instant.getEpochSecond() - base.getEpochSecond()) * 1_000_000_000L + (instant.getNano() - base.getNano());
    }
}
