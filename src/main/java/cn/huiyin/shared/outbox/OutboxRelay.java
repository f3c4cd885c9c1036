package cn.huiyin.shared.outbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers outbox rows to their handlers after the state change that wrote them has committed. Rows are
 * leased (not locked) while handlers run, so no transaction is held open across a network call; a replica
 * that dies mid-delivery loses its lease and another one retries. Failures back off exponentially.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool pool;

    @Inject
    Instance<OutboxHandler> handlers;

    @Inject
    OutboxConfig config;

    @Scheduled(every = "${huiyin.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relayOnce().onFailure().invoke(f -> LOG.warnf("outbox relay failed, will retry: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Takes due rows and hands each to its handlers. Returns how many rows were taken. */
    public Uni<Integer> relayOnce() {
        return take().chain(messages -> Multi.createFrom().iterable(messages)
                .onItem().transformToUniAndMerge(this::deliver)
                .collect().asList().replaceWith(messages.size()));
    }

    private Uni<List<OutboxMessage>> take() {
        return pool.preparedQuery("""
                UPDATE outbox o SET next_attempt_at = now() + make_interval(secs => $2)
                WHERE o.id IN (SELECT id FROM outbox WHERE published_at IS NULL
                               AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                               ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING o.id, o.appeal_id, o.event_type, o.payload, o.attempts""")
                .execute(Tuple.of(config.batch(), (double) config.lease().toSeconds()))
                .map(rows -> {
                    List<OutboxMessage> messages = new ArrayList<>();
                    for (Row r : rows) {
                        messages.add(new OutboxMessage(r.getLong("id"), r.getLong("appeal_id"), r.getString("event_type"),
                                r.getString("payload"), r.getInteger("attempts")));
                    }
                    return messages;
                });
    }

    private Uni<Void> deliver(OutboxMessage message) {
        List<OutboxHandler> mine = handlers.stream().filter(h -> h.handles(message)).toList();
        return Multi.createFrom().iterable(mine).onItem().transformToUniAndConcatenate(h -> h.handle(message))
                .collect().asList()
                .chain(() -> markDone(message.id(), null, 0))
                .onFailure().recoverWithUni(failure -> failed(message, failure));
    }

    private Uni<Void> failed(OutboxMessage message, Throwable failure) {
        boolean permanent = failure instanceof OutboxHandler.PermanentFailure;
        if (permanent || message.attempts() + 1 >= config.maxAttempts()) {
            LOG.warnf("outbox row %d given up after %d attempt(s): %s", message.id(), message.attempts() + 1,
                    failure.getMessage());
            return markDone(message.id(), (permanent ? "permanent: " : "gave up: ") + failure.getMessage(), 1);
        }
        long backoffSeconds = Math.min(3600, 5L << Math.min(message.attempts(), 10));
        return pool.preparedQuery("""
                UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                    next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1""")
                .execute(Tuple.of(message.id(), String.valueOf(failure.getMessage()), (double) backoffSeconds))
                .replaceWithVoid();
    }

    private Uni<Void> markDone(long id, String error, int failedAttempt) {
        return pool.preparedQuery("UPDATE outbox SET published_at = now(), last_error = $2, attempts = attempts + $3 WHERE id = $1")
                .execute(Tuple.of(id, error, failedAttempt)).replaceWithVoid();
    }
}
