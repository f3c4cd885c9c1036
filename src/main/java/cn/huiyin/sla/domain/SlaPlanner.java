package cn.huiyin.sla.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns rules and the work calendar into clocks with their escalation timers. */
public final class SlaPlanner {

    /** The clocks that start when an appeal is dispatched (clocks start at dispatch, not at acceptance). */
    public static final List<ClockKind> AT_DISPATCH = List.of(ClockKind.RESPOND, ClockKind.HANDLE, ClockKind.RETURN_WINDOW);

    private final ClockRules rules;
    private final DeadlineCalculator calculator;

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
        Deadline deadline = calculator.dueAt(start, rule.amount(), rule.unit());
        if (extensionDays > 0) {
            Deadline extended = calculator.dueAt(deadline.due(), extensionDays, ClockUnit.WORKING_DAYS);
            deadline = new Deadline(extended.due(), deadline.calendarComplete() && extended.calendarComplete(),
                    union(deadline, extended));
        }
        List<ClockPlan.TimerPlan> timers = new ArrayList<>();
        if (clock.escalates()) {
            timers.add(new ClockPlan.TimerPlan(EscalationStep.WARNING, calculator.pointAt(start, deadline,
                    EscalationStep.WARNING_PERCENT, rule.unit()).truncatedTo(ChronoUnit.MICROS)));
            timers.add(new ClockPlan.TimerPlan(EscalationStep.OVERDUE, deadline.due()));
            timers.add(new ClockPlan.TimerPlan(EscalationStep.SUPERVISION,
                    calculator.dueAt(deadline.due(), 1, ClockUnit.WORKING_DAYS).due()));
        } else if (clock.actsAtDue()) {
            timers.add(new ClockPlan.TimerPlan(EscalationStep.EXPIRY, deadline.due()));
        }
        return new ClockPlan(clock, rule, start, deadline, timers);
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
