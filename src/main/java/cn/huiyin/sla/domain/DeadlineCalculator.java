package cn.huiyin.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an SLA rule ("15 working days", "2 natural hours") into an instant, and answers the questions
 * the escalation ladder and the dashboards ask about it. Pure: every instant comes from the caller,
 * so the same inputs always give the same deadline.
 */
public final class DeadlineCalculator {

    private final WorkCalendar calendar;

    public DeadlineCalculator(WorkCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    /**
     * When a clock of {@code amount} units started at {@code start} runs out.
     * <ul>
     *   <li>natural units: plain elapsed time; the calendar is not consulted, so always complete;
     *   <li>working hours: office time on working days only; zero hours is the start itself inside
     *       office time, otherwise the moment the office next opens;
     *   <li>working days: the office's closing time on the Nth working day after the start day (the
     *       start day never counts, whatever the hour); zero days behaves like zero hours.
     * </ul>
     */
    public Deadline dueAt(Instant start, int amount, ClockUnit unit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a clock cannot run for a negative amount: " + amount + " " + unit);
        }
        if (!unit.countsWorkingTime()) {
            return Deadline.of(start.plus(unit.naturalLength(amount)), Set.of());
        }
        OfficeWalk walk = new OfficeWalk(calendar);
        Instant due;
        if (unit == ClockUnit.WORKING_HOURS || amount == 0) {
            due = walk.advance(start, Duration.ofHours(amount));
        } else {
            due = walk.closingOf(walk.nthWorkingDayAfter(walk.dayOf(start), amount));
        }
        return Deadline.of(due, walk.missingYears());
    }

    /**
     * The instant at which {@code percent} of the clock's budget is used (80 for the yellow light).
     * The budget is the time from {@code start} to the deadline, counted as the clock counts it:
     * office time for working units, elapsed time for natural ones. For working days that includes
     * whatever office time was left on the start day, so the share used always agrees with
     * {@link #workingTimeBetween} shown as time left. Percentages above 100 lie past the deadline.
     */
    public Instant pointAt(Instant start, Deadline deadline, int percent, ClockUnit unit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(unit, "unit");
        if (percent < 0) {
            throw new IllegalArgumentException("percent must not be negative: " + percent);
        }
        if (deadline.due().isBefore(start)) {
            throw new IllegalArgumentException("deadline " + deadline.due() + " is before its start " + start);
        }
        if (!unit.countsWorkingTime()) {
            return start.plus(share(Duration.between(start, deadline.due()), percent));
        }
        OfficeWalk walk = new OfficeWalk(calendar);
        return walk.advance(start, share(walk.between(start, deadline.due()), percent));
    }

    /**
     * Office time on working days between two instants, for "time left" and for response times in
     * working minutes. Negative when {@code to} is before {@code from}, so an overdue appeal shows
     * how far past its deadline it is.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        OfficeWalk walk = new OfficeWalk(calendar);
        return to.isBefore(from) ? walk.between(to, from).negated() : walk.between(from, to);
    }

    private static Duration share(Duration budget, int percent) {
        return budget.multipliedBy(percent).dividedBy(100);
    }
}
