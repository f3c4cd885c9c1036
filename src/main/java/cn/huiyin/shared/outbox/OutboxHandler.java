package cn.huiyin.shared.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Something that must happen after a state change has committed (send an SMS, a WeChat message…).
 * A message may be handed over more than once (a crash after the work but before it was marked done), so
 * handlers pass {@link OutboxMessage#id()} on as an idempotency key.
 */
public interface OutboxHandler {

    boolean handles(OutboxMessage message);

    /** Fails with {@link PermanentFailure} when retrying cannot help; any other failure is retried. */
    Uni<Void> handle(OutboxMessage message);

    /** A failure that retrying cannot mend (e.g. the gateway refused the number). */
    final class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message, null, false, false);
        }
    }
}
