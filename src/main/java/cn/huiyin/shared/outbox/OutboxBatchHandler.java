package cn.huiyin.shared.outbox;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * A handler whose work is much cheaper for many rows at once than row by row (one transaction for all of them). The
 * relay hands it every row of a leased batch that it wants in one call, as one delivery; should that call fail, each
 * of those rows is handed to {@link #handle} alone, so a bad row is retried or given up by itself.
 */
public interface OutboxBatchHandler extends OutboxHandler {

    /** The work for all of {@code messages}, each one that {@link #handles} wants; like {@link #handle}, a repeat changes nothing. */
    Uni<Void> handleAll(List<OutboxMessage> messages);

    /** A row alone is a batch of one, unless the handler has a cheaper way. */
    @Override
    default Uni<Void> handle(OutboxMessage message) {
        return handleAll(List.of(message));
    }
}
