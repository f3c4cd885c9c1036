package cn.huiyin.shared.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The relay's side of the outbox: lease due rows, mark them delivered or due again later. */
@ApplicationScoped
public class OutboxRepository {

    @Inject
    Pool pool;

    /**
     * Up to {@code batch} due rows, oldest first, leased for {@code lease}: rows another replica is leasing are
     * skipped, and a lease that runs out (the replica died) makes its rows due again.
     */
    public Uni<List<OutboxMessage>> lease(int batch, Duration lease) {
        return pool.preparedQuery("""
                UPDATE outbox o SET next_attempt_at = now() + make_interval(secs => $2)
                WHERE o.id IN (SELECT id FROM outbox WHERE published_at IS NULL
                               AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                               ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING o.id, o.appeal_id, o.event_type, o.payload, o.attempts""")
                .execute(Tuple.of(batch, (double) lease.toSeconds()))
                .map(rows -> {
                    List<OutboxMessage> messages = new ArrayList<>();
                    for (Row r : rows) {
                        messages.add(new OutboxMessage(r.getLong("id"), r.getLong("appeal_id"), r.getString("event_type"),
                                r.getString("payload"), r.getInteger("attempts")));
                    }
                    return messages;
                });
    }

    /** One more failed attempt: due again after {@code backoffSeconds}. */
    public Uni<Void> retryLater(long id, String error, long backoffSeconds) {
        return pool.preparedQuery("""
                UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                    next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1""")
                .execute(Tuple.of(id, error, (double) backoffSeconds))
                .replaceWithVoid();
    }

    /** Delivered: every row of {@code ids} done in one statement. */
    public Uni<Void> markDone(List<Long> ids) {
        return pool.preparedQuery("UPDATE outbox SET published_at = now(), last_error = NULL WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Delivered, or given up ({@code error} says why; {@code failedAttempt} 1 counts the attempt that failed). */
    public Uni<Void> markDone(long id, String error, int failedAttempt) {
        return pool.preparedQuery("UPDATE outbox SET published_at = now(), last_error = $2, attempts = attempts + $3 WHERE id = $1")
                .execute(Tuple.of(id, error, failedAttempt)).replaceWithVoid();
    }
}
