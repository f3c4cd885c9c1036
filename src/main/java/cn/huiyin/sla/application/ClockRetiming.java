package cn.huiyin.sla.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.persistence.ClockRepository;
import cn.huiyin.sla.persistence.ClockRepository.StoredClock;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Re-times running clocks after the calendar or a rule changed. */
@ApplicationScoped
public class ClockRetiming {

    @Inject
    Pool pool;

    @Inject
    ClockRepository clocks;

    @Inject
    SlaCalendar calendar;

    /**
     * Re-times every running clock from its start under the current calendar and its own rule version
     * (after a calendar import or a change of office hours). Idempotent: a second run changes nothing.
     */
    public Uni<Integer> recompute() {
        calendar.reload();
        return recomputePage(0L, 0);
    }

    private Uni<Integer> recomputePage(long afterId, int changedSoFar) {
        return clocks.runningPage(afterId, 500).chain(page -> page.isEmpty() ? Uni.createFrom().item(changedSoFar)
                : calendar.plannerKnowing(ClockViews.ruleIds(page)).chain(planner -> recompute(planner, page, changedSoFar)));
    }

    private Uni<Integer> recompute(SlaPlanner planner, List<StoredClock> page, int changedSoFar) {
        List<Map.Entry<StoredClock, ClockPlan>> changed = new ArrayList<>();
        for (StoredClock c : page) {
            ClockPlan plan = planner.plan(ClockKind.valueOf(c.clock()), SlaClockService.rule(planner, c.ruleId()), c.startedAt(),
                    c.extendedDays());
            if (!plan.dueAt().equals(c.dueAt()) || !sameStep(plan, EscalationStep.WARNING, c.warningAt())) {
                changed.add(Map.entry(c, plan));
            }
        }
        Uni<Void> write = changed.isEmpty() ? Uni.createFrom().voidItem()
                : pool.withTransaction(tx -> Multi.createFrom().iterable(changed)
                        .onItem().transformToUniAndConcatenate(e -> clocks.reschedule(tx, e.getKey().id(), e.getValue(),
                                e.getKey().extendedDays()))
                        .collect().asList().replaceWithVoid());
        return write.chain(() -> recomputePage(page.get(page.size() - 1).id(), changedSoFar + changed.size()));
    }

    private static boolean sameStep(ClockPlan plan, EscalationStep step, Instant stored) {
        Instant planned = SlaClockService.step(plan, step);
        return planned == null ? stored == null : planned.equals(stored);
    }
}

