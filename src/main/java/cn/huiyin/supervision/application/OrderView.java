package cn.huiyin.supervision.application;

import java.time.Instant;
import java.util.List;

import cn.huiyin.supervision.domain.SupervisionOrder;

/**
 * A supervision order as the pages and the API show it, with its history. {@code answeredBy} is the answering
 * leader's actor ({@code unit-leader:username}), {@code answeredByName} their display name (null while unanswered,
 * or when the staff member is no longer known).
 */
public record OrderView(long id, String trackingNo, String title, String unitCode, String unitName, String demand,
        int replyDays, String issuedBy, Instant issuedAt, Instant replyDueAt, String state, String stateLabel,
        Instant escalatedAt, String answer, String answeredBy, String answeredByName, Instant answeredAt,
        boolean answeredLate, List<HistoryEntry> history) {

    /** What happened to the order: issued (下发), escalated (升级), answered (答复). */
    public record HistoryEntry(String kind, String label, String actor, Instant at, String note) {
    }

    static OrderView of(SupervisionOrder order, String title, String unitName, String answeredByName,
            List<HistoryEntry> history) {
        return new OrderView(order.id(), order.trackingNo(), title, order.unitCode(), unitName, order.demand(),
                order.replyDays(), order.issuedBy(), order.issuedAt(), order.replyDueAt(), order.state().name(),
                order.state().label(), order.escalatedAt(), order.answer(), order.answeredBy(), answeredByName,
                order.answeredAt(), order.answeredLate(), history);
    }

    public boolean awaitsAnswer() {
        return !"ANSWERED".equals(state);
    }
}
