package cn.huiyin.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Walks a calendar's office time day by day, in the calendar's own time zone, and remembers every
 * year it had to guess because its holidays are not loaded. One walk serves one computation.
 */
final class OfficeWalk {

    private record Opening(Instant start, Instant end) {}

    private final WorkCalendar calendar;
    private final SortedSet<Integer> missingYears = new TreeSet<>();

    OfficeWalk(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The earliest instant by which {@code budget} of office time has passed since {@code from}. A
     * zero budget is reached at once inside office time, otherwise when the office next opens; a
     * budget that ends exactly when a period closes ends there (12:00, 18:00), not at the next opening.
     */
    Instant advance(Instant from, Duration budget) {
        Instant cursor = from;
        Duration left = budget;
        for (LocalDate day = dayOf(from); ; day = day.plusDays(1)) {
            for (Opening opening : openings(day)) {
                if (!opening.end().isAfter(cursor)) {
                    continue;
                }
                Instant begin = cursor.isAfter(opening.start()) ? cursor : opening.start();
                Duration available = Duration.between(begin, opening.end());
                if (left.compareTo(available) <= 0) {
                    return begin.plus(left);
                }
                left = left.minus(available);
                cursor = opening.end();
            }
        }
    }

    /**
     * Office time inside {@code [from, to)}; {@code from} must not be after {@code to}. The first and last days are
     * clipped; the working days between them count whole days of office time, counted by the calendar at once,
     * unless the zone's offset changes inside the span (then every day is walked): a month costs two days of
     * clipping, not a month of time-zone conversions.
     */
    Duration between(Instant from, Instant to) {
        LocalDate first = dayOf(from);
        LocalDate last = dayOf(to);
        if (first.equals(last) || offsetChangesWithin(from, to)) {
            return betweenDayByDay(from, to);
        }
        Duration total = clipped(first, from, to).plus(clipped(last, from, to));
        LocalDate firstWhole = first.plusDays(1);
        if (firstWhole.isBefore(last)) {
            for (int year = firstWhole.getYear(); year <= last.minusDays(1).getYear(); year++) {
                noteIfMissing(year);
            }
            total = total.plus(officeDay().multipliedBy(calendar.workingDaysBetween(firstWhole, last)));
        }
        return total;
    }

    /** {@link #between}, each day's openings placed in the zone: right whatever the zone's offset does. */
    Duration betweenDayByDay(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate last = dayOf(to);
        for (LocalDate day = dayOf(from); !day.isAfter(last); day = day.plusDays(1)) {
            total = total.plus(clipped(day, from, to));
        }
        return total;
    }

    /** The day's office time inside {@code [from, to)}. */
    private Duration clipped(LocalDate day, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (Opening opening : openings(day)) {
            Instant begin = from.isAfter(opening.start()) ? from : opening.start();
            Instant end = to.isBefore(opening.end()) ? to : opening.end();
            if (end.isAfter(begin)) {
                total = total.plus(Duration.between(begin, end));
            }
        }
        return total;
    }

    /** Whether the zone's offset changes after {@code from} and before {@code to} (a summer-time switch). */
    private boolean offsetChangesWithin(Instant from, Instant to) {
        ZoneOffsetTransition next = calendar.zone().getRules().nextTransition(from);
        return next != null && next.getInstant().isBefore(to);
    }

    /** A whole working day's office time, on a day whose offset does not change. */
    private Duration officeDay() {
        Duration day = Duration.ZERO;
        for (OfficePeriod period : calendar.officeHours()) {
            day = day.plus(Duration.between(period.start(), period.end()));
        }
        return day;
    }

    /** The {@code n}th working day after {@code day}; {@code day} itself never counts. */
    LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        LocalDate candidate = day;
        for (int counted = 0; counted < n; ) {
            candidate = candidate.plusDays(1);
            if (isWorkingDay(candidate)) {
                counted++;
            }
        }
        return candidate;
    }

    /** When the office closes on {@code day}. */
    Instant closingOf(LocalDate day) {
        return ZonedDateTime.of(day, calendar.closingTime(), calendar.zone()).toInstant();
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, calendar.zone());
    }

    SortedSet<Integer> missingYears() {
        return missingYears;
    }

    private List<Opening> openings(LocalDate day) {
        if (!isWorkingDay(day)) {
            return List.of();
        }
        List<Opening> openings = new ArrayList<>(calendar.officeHours().size());
        for (OfficePeriod period : calendar.officeHours()) {
            openings.add(new Opening(
                    ZonedDateTime.of(day, period.start(), calendar.zone()).toInstant(),
                    ZonedDateTime.of(day, period.end(), calendar.zone()).toInstant()));
        }
        return openings;
    }

    private boolean isWorkingDay(LocalDate day) {
        noteIfMissing(day.getYear());
        return calendar.isWorkingDay(day);
    }

    private void noteIfMissing(int year) {
        if (!calendar.isLoaded(year)) {
            missingYears.add(year);
        }
    }
}
