package cn.huiyin.supervision.application;

import cn.huiyin.supervision.domain.OrderStep;

/** What answering a supervision order came to. */
public sealed interface AnswerOutcome {

    record Answered(OrderView order) implements AnswerOutcome {
    }

    /** {@code NOT_YOURS} also for an order that does not exist: another unit cannot tell the two apart. */
    record Refused(OrderStep.Refusal refusal) implements AnswerOutcome {
    }
}
