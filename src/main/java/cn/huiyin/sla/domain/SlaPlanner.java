package cn.huiyin.sla.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Turns rules and the work calendar into clocks with their escalation timers. */
public final class SlaPlanner {

    /** The clocks that start when an appeal is dispatched (clocks start at dispatch, not at acceptance). */
    public static final List<ClockKind> AT_DISPATCH = List.of(ClockKind.RESPOND, ClockKind.HANDLE, ClockKind.RETURN_WINDOW);

    private final ClockRules rules;
    private final DeadlineCalculator calculator;
    /** Lives as long as this planner: a changed rule or calendar comes with a new planner. */
    private final DayPlans dayPlans = new DayPlans();

    public SlaPlanner(ClockRules rules, DeadlineCalculator calculator) {
        this.rules = rules;
        this.calculator = calculator;
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    public ClockRules rules() {
        return rules;
    }

    /** The clocks of a freshly dispatched appeal; a clock with no rule is not started. */
    public List<ClockPlan> atDispatch(String appealType, String category, boolean urgent, Instant dispatchedAt) {
        List<ClockPlan> plans = new ArrayList<>();
        for (ClockKind clock : AT_DISPATCH) {
            rules.select(clock, appealType, category, urgent, day(dispatchedAt))
                    .ifPresent(rule -> plans.add(plan(clock, rule, dispatchedAt)));
        }
        return plans;
    }

    public ClockPlan plan(ClockKind clock, ClockRule rule, Instant start) {
        return plan(clock, rule, start, 0);
    }

    /** With {@code extensionDays} approved working days added to the rule's budget. */
    public ClockPlan plan(ClockKind clock, ClockRule rule, Instant requestedStart, int extensionDays) {
        // the database keeps microseconds: plan in them, so that re-planning a stored clock is exact
        Instant start = requestedStart.truncatedTo(ChronoUnit.MICROS);
        if (rule.unit() != ClockUnit.WORKING_DAYS || rule.amount() == 0) {
            return freshPlan(clock, rule, start, extensionDays);
        }
        DayPlans.DayPlan day = dayPlans.of(new DayPlans.Key(clock, rule, day(start), extensionDays),
                key -> dayPlan(key, start));
        return planned(clock, rule, start, day.deadline(), () -> {
            Instant warning = day.office().pointAt(start, day.deadline().due(), EscalationStep.WARNING_PERCENT);
            // past the days kept: not below 100 %, but then walk rather than guess
            return warning != null ? warning
                    : calculator.pointAt(start, day.deadline(), EscalationStep.WARNING_PERCENT, rule.unit());
        }, day::supervision);
    }

    /**
     * A plan worked out from scratch, walking the calendar for each figure; {@link #plan} gives the same for
     * working-day clocks from what it keeps per rule and start day.
     */
    ClockPlan freshPlan(ClockKind clock, ClockRule rule, Instant start, int extensionDays) {
        Deadline deadline = deadline(start, rule, extensionDays);
        return planned(clock, rule, start, deadline,
                () -> calculator.pointAt(start, deadline, EscalationStep.WARNING_PERCENT, rule.unit()),
                () -> supervisionAfter(deadline));
    }

    private static ClockPlan planned(ClockKind clock, ClockRule rule, Instant start, Deadline deadline,
            Supplier<Instant> warning, Supplier<Instant> supervision) {
        List<ClockPlan.TimerPlan> timers = new ArrayList<>();
        if (clock.escalates()) {
            timers.add(new ClockPlan.TimerPlan(EscalationStep.WARNING, warning.get().truncatedTo(ChronoUnit.MICROS)));
            timers.add(new ClockPlan.TimerPlan(EscalationStep.OVERDUE, deadline.due()));
            timers.add(new ClockPlan.TimerPlan(EscalationStep.SUPERVISION, supervision.get()));
        } else if (clock.actsAtDue()) {
            timers.add(new ClockPlan.TimerPlan(EscalationStep.EXPIRY, deadline.due()));
        }
        return new ClockPlan(clock, rule, start, deadline, timers);
    }

    /**
     * What a working-day clock's plan shares with every clock of the same rule started the same day: the deadline (the
     * office's closing on the Nth working day after the start day, whatever the hour), the supervision step after it,
     * and, for the yellow light, the office periods from the start day to the deadline.
     */
    private DayPlans.DayPlan dayPlan(DayPlans.Key key, Instant anyStartThatDay) {
        Deadline deadline = deadline(anyStartThatDay, key.rule(), key.extensionDays());
        OfficePeriods office = key.clock().escalates()
                ? OfficePeriods.of(calculator.calendar(), key.day(), day(deadline.due()))
                : OfficePeriods.NONE;
        return new DayPlans.DayPlan(deadline, supervisionAfter(deadline), office);
    }

    private Deadline deadline(Instant start, ClockRule rule, int extensionDays) {
        Deadline deadline = calculator.dueAt(start, rule.amount(), rule.unit());
        if (extensionDays > 0) {
            Deadline extended = calculator.dueAt(deadline.due(), extensionDays, ClockUnit.WORKING_DAYS);
            deadline = new Deadline(extended.due(), deadline.calendarComplete() && extended.calendarComplete(),
                    union(deadline, extended));
        }
        return deadline;
    }

    private Instant supervisionAfter(Deadline deadline) {
        return calculator.dueAt(deadline.due(), 1, ClockUnit.WORKING_DAYS).due();
    }

    /** How many rule-and-day plans this planner keeps (for tests). */
    int keptDays() {
        return dayPlans.size();
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(calculator.calendar().zone()).toLocalDate();
    }

    private static Set<Integer> union(Deadline a, Deadline b) {
        Set<Integer> years = new TreeSet<>(a.missingYears());
        years.addAll(b.missingYears());
        return years;
    }
}
