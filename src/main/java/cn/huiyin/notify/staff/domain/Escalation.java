package cn.huiyin.notify.staff.domain;

import java.time.Instant;

import cn.huiyin.sla.domain.EscalationStep;

/**
 * One fired ladder step of one clock of an appeal: what its notices are keyed on. The step's due time tells the
 * rounds of a clock apart (each round's timers have their own due times), since the escalation does not name its
 * round.
 */
public record Escalation(long appealId, String clock, EscalationStep step, Instant dueAt) {
}
