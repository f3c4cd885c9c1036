package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.After;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.Order;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.QueueRow;

/**
 * Where a page of one of the work-queue page's lists starts ({@code after}), on the API's keysets: by deadline the
 * previous page's last due time and appeal id ({@code 2026-12-08T02:00:00Z,1234}, {@code none,1234} past the
 * deadlines); riskiest first its risk and id ({@code 0.734,1234}), or, once the appeals without a risk have begun,
 * {@code none,} and the due time and id they follow by. The page's links carry it; an address it cannot read starts
 * again from the top, as the dispatcher's desk does.
 */
final class QueuePageCursor {

    private static final String NONE = QueueCursor.PAST_DEADLINES;

    private QueuePageCursor() {
    }

    static After parse(Order order, String typed) {
        if (typed == null || typed.isBlank()) {
            return After.first(order);
        }
        String[] parts = typed.trim().split(",", -1);
        try {
            if (order == Order.DEADLINE && parts.length == 2) {
                return new After(null, due(parts[0]), Long.parseLong(parts[1]));
            }
            if (order == Order.RISK && parts.length == 2) {
                double risk = Double.parseDouble(parts[0]);
                return risk >= 0 && risk <= 1 ? new After(risk, Instant.EPOCH, Long.parseLong(parts[1])) : After.first(order);
            }
            if (order == Order.RISK && parts.length == 3 && NONE.equals(parts[0])) {
                return new After(null, due(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // not a cursor this page wrote: the first page
        }
        return After.first(order);
    }

    /** The cursor of the page after {@code last}. */
    static String after(Order order, QueueRow last) {
        After next = After.row(order, last);
        String due = Instant.MAX.equals(next.due()) ? NONE : next.due().toString();
        if (order == Order.DEADLINE) {
            return due + "," + next.id();
        }
        return next.risk() == null ? NONE + "," + due + "," + next.id() : next.risk() + "," + next.id();
    }

    private static Instant due(String typed) {
        // DateTimeParseException (a runtime exception) sends the address back to the first page, as any unreadable one
        return NONE.equals(typed) ? Instant.MAX
                : Timestamps.parse(typed).orElseThrow(() -> new DateTimeParseException("not a stored instant", typed, 0));
    }
}
