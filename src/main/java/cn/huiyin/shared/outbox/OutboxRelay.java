package cn.huiyin.shared.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.shared.persistence.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Delivers outbox rows to their handlers after the state change that wrote them has committed. Rows are
 * leased (not locked) while handlers run, so no transaction is held open across a network call; a replica
 * that dies mid-delivery loses its lease and another one retries. Failures back off exponentially.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository outbox;

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
        return outbox.lease(config.batch(), config.lease());
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
        return outbox.retryLater(message.id(), String.valueOf(failure.getMessage()), backoffSeconds);
    }

    private Uni<Void> markDone(long id, String error, int failedAttempt) {
        return outbox.markDone(id, error, failedAttempt);
    }
}
