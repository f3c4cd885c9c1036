package cn.huiyin.supervision.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervision order as stored: what the district centre demanded of which unit, by when, and how far it got. Its
 * two moves, {@link #answer} and {@link #escalate}, are decided here and answered as an {@link OrderStep}; storing
 * the outcome is the caller's job.
 */
public record SupervisionOrder(long id, long appealId, String trackingNo, String unitCode, String demand, int replyDays,
        String issuedBy, Instant issuedAt, Instant replyDueAt, OrderState state, Instant escalatedAt, String answer,
        String answeredBy, Instant answeredAt) {

    public SupervisionOrder {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(replyDueAt, "replyDueAt");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The unit's leader answers with a written explanation (情况说明). An order of another unit is not theirs to see;
     * an order answered once stays answered. An escalated order may still be answered (late).
     */
    public OrderStep answer(String callerUnit, String explanation, String actor, Instant at) {
        if (!unitCode.equals(callerUnit)) {
            return new OrderStep.Refused(OrderStep.Refusal.NOT_YOURS);
        }
        if (!state.awaitsAnswer()) {
            return new OrderStep.Refused(OrderStep.Refusal.ALREADY_ANSWERED);
        }
        return new OrderStep.Moved(new SupervisionOrder(id, appealId, trackingNo, unitCode, demand, replyDays, issuedBy,
                issuedAt, replyDueAt, OrderState.ANSWERED, escalatedAt, explanation, actor, at));
    }

    /** Past its deadline without an answer, an order climbs to the district leader, once. */
    public OrderStep escalate(Instant now) {
        if (state != OrderState.OPEN) {
            return new OrderStep.Refused(OrderStep.Refusal.NOT_OPEN);
        }
        if (now.isBefore(replyDueAt)) {
            return new OrderStep.Refused(OrderStep.Refusal.NOT_DUE);
        }
        return new OrderStep.Moved(new SupervisionOrder(id, appealId, trackingNo, unitCode, demand, replyDays, issuedBy,
                issuedAt, replyDueAt, OrderState.ESCALATED, now, answer, answeredBy, answeredAt));
    }

    /** Answered after its deadline (what the metrics count against the unit). */
    public boolean answeredLate() {
        return answeredAt != null && answeredAt.isAfter(replyDueAt);
    }
}
