package cn.huiyin.sla.domain;

import java.time.Instant;
import java.util.List;

/** A clock ready to start: its rule, its due time and the escalation timers to arm. */
public record ClockPlan(ClockKind clock, ClockRule rule, Instant startedAt, Deadline deadline, List<TimerPlan> timers) {

    public record TimerPlan(EscalationStep step, Instant dueAt) {
    }

    public Instant dueAt() {
        return deadline.due();
    }
}
