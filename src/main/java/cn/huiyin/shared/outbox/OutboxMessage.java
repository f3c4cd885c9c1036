package cn.huiyin.shared.outbox;

/** One outbox row on its way out: the id doubles as the idempotency key of whatever it triggers. */
public record OutboxMessage(long id, long appealId, String eventType, String payload, int attempts) {
}
