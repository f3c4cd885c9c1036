package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealClocks;
import cn.huiyin.appeal.application.ClockView;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockState;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.persistence.ClockRepository;
import cn.huiyin.sla.persistence.ClockRepository.StoredClock;
import io.smallrye.mutiny.Uni;

/** An appeal's clocks as the pages and the API show them, and what a new appeal's clocks would be. */
@ApplicationScoped
public class ClockViews implements AppealClocks {

    @Inject
    ClockRepository clocks;

    @Inject
    SlaCalendar calendar;

    @Inject
    Clock clock;

    /** What each clock would be for such an appeal started at {@code from}, under the rules in force then. */
    public Uni<List<ClockPreview>> preview(String appealType, String category, boolean urgent, Instant from) {
        return calendar.planner().map(planner -> {
            List<ClockPreview> previews = new ArrayList<>();
            for (ClockKind kind : ClockKind.values()) {
                planner.rules().select(kind, appealType, category, urgent, from.atZone(planner.calculator().calendar().zone()).toLocalDate())
                        .ifPresent(rule -> {
                            ClockPlan plan = planner.plan(kind, rule, from);
                            previews.add(new ClockPreview(kind.name(), kind.label(), rule.id(), rule.amount(),
                                    rule.unit().name(), rule.legalSource(), rule.effectiveFrom(), plan.dueAt(),
                                    SlaClockService.step(plan, EscalationStep.WARNING), SlaClockService.step(plan, EscalationStep.SUPERVISION),
                                    plan.deadline().calendarComplete(), plan.deadline().missingYears()));
                        });
            }
            return previews;
        });
    }

    @Override
    public Uni<List<ClockView>> clocksOf(long appealId) {
        Instant now = clock.instant();
        return clocks.clocksOf(appealId).chain(stored -> calendar.plannerKnowing(ruleIds(stored)).map(planner -> stored
                .stream().map(c -> {
                    ClockKind kind = ClockKind.valueOf(c.clock());
                    ClockState state = ClockState.of(now, c.stoppedAt(), c.warningAt(), c.dueAt(), c.supervisionAt());
                    Long left = c.stoppedAt() != null ? null : minutesLeft(planner, SlaClockService.rule(planner, c.ruleId()), now, c.dueAt());
                    return new ClockView(kind.name(), kind.label(), c.round(), c.startedAt(), c.dueAt(), c.warningAt(),
                            c.supervisionAt(), c.stoppedAt(), left, state.name(), state.label(), c.extendedDays());
                }).toList()));
    }

    /** The rule versions the clocks run under. */
    static List<Long> ruleIds(List<StoredClock> stored) {
        return stored.stream().map(StoredClock::ruleId).distinct().toList();
    }

    /** In the clock's own time: office minutes for a working-time clock, plain minutes otherwise. */
    private static long minutesLeft(SlaPlanner planner, ClockRule rule, Instant now, Instant due) {
        if (!rule.unit().countsWorkingTime()) {
            return Duration.between(now, due).toMinutes();
        }
        var calculator = planner.calculator();
        return now.isBefore(due) ? calculator.workingTimeBetween(now, due).toMinutes()
                : -calculator.workingTimeBetween(due, now).toMinutes();
    }
}

