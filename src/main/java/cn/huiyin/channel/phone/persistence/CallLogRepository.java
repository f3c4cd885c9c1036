package cn.huiyin.channel.phone.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.channel.phone.PhoneConfig;
import cn.huiyin.channel.phone.domain.CallRecord;
import cn.huiyin.channel.phone.domain.Direction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Calls, call-back tasks and call attachments. */
@ApplicationScoped
public class CallLogRepository {

    public record CallbackTask(long id, String callId, String number, Instant createdAt) {
    }

    @Inject
    Pool pool;

    @Inject
    PhoneConfig config;

    @Inject
    Clock clock;

    /** Locks the call's row for a merge, creating an empty one first if this is the call's first event. */
    public Uni<CallRecord> lock(SqlClient tx, String callId) {
        return tx.preparedQuery("INSERT INTO call_record (call_id) VALUES ($1) ON CONFLICT (call_id) DO NOTHING")
                .execute(Tuple.of(callId))
                .chain(() -> tx.preparedQuery("SELECT * FROM call_record WHERE call_id = $1 FOR UPDATE").execute(Tuple.of(callId)))
                .map(rows -> record(rows.iterator().next()));
    }

    public Uni<Void> save(SqlClient tx, CallRecord c) {
        return tx.preparedQuery("""
                UPDATE call_record SET from_number = $2, to_number = $3, direction = $4, queue = $5, agent = $6,
                    new_call_at = $7, answered_at = $8, hung_up_at = $9, cause = $10, updated_at = now()
                WHERE call_id = $1""")
                .execute(Tuple.tuple(Arrays.asList(c.callId(), c.from(), c.to(),
                        c.direction() == null ? null : c.direction().wireName(), c.queue(), c.agent(),
                        utc(c.newCallAt()), utc(c.answeredAt()), utc(c.hungUpAt()), c.cause())))
                .replaceWithVoid();
    }

    /** A missed call becomes one call-back task, however often its hangup is delivered. */
    public Uni<Void> openCallback(SqlClient tx, CallRecord missed, String comparableNumber) {
        return tx.preparedQuery("""
                INSERT INTO callback_task (call_id, number, created_at) VALUES ($1, $2, $3)
                ON CONFLICT (call_id) DO NOTHING""")
                .execute(Tuple.of(missed.callId(), comparableNumber, utc(missed.hungUpAt()))).replaceWithVoid();
    }

    /** An answered outbound call to a number closes that number's open call-back tasks. */
    public Uni<Void> closeCallbacks(SqlClient tx, String number, String byCallId, Instant at) {
        return tx.preparedQuery("""
                UPDATE callback_task SET closed_at = $3, closed_by_call = $2
                WHERE number = $1 AND closed_at IS NULL AND created_at <= $3""")
                .execute(Tuple.of(number, byCallId, utc(at))).replaceWithVoid();
    }

    public Uni<Void> closeOwnCallback(SqlClient tx, String callId, Instant answeredAt) {
        return tx.preparedQuery("UPDATE callback_task SET closed_at = $2, closed_by_call = $1 WHERE call_id = $1 AND closed_at IS NULL")
                .execute(Tuple.of(callId, utc(answeredAt))).replaceWithVoid();
    }

    public Uni<Void> attach(String eventId, String callId, String kind, String payload) {
        return pool.preparedQuery("""
                INSERT INTO call_attachment (event_id, call_id, kind, payload) VALUES ($1, $2, $3, $4)
                ON CONFLICT (event_id) DO NOTHING""").execute(Tuple.of(eventId, callId, kind, payload)).replaceWithVoid();
    }

    public Uni<Optional<CallRecord>> find(String callId) {
        return pool.preparedQuery("SELECT * FROM call_record WHERE call_id = $1").execute(Tuple.of(callId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(record(rows.iterator().next())) : Optional.empty());
    }

    /**
     * Calls still going on, newest first: no hangup yet, and an event within {@code huiyin.phone.stale-call-after}
     * — a call whose hangup never came is not current for ever (it stays in the log).
     */
    public Uni<List<CallRecord>> current(int limit) {
        Instant lastEventAfter = clock.instant().minus(config.staleCallAfter());
        return pool.preparedQuery("SELECT * FROM call_record WHERE hung_up_at IS NULL AND new_call_at IS NOT NULL "
                + "AND updated_at > $2 ORDER BY new_call_at DESC LIMIT $1")
                .execute(Tuple.of(limit, utc(lastEventAfter))).map(CallLogRepository::records);
    }

    public Uni<List<CallbackTask>> openCallbacks(int limit) {
        return pool.preparedQuery("SELECT id, call_id, number, created_at FROM callback_task WHERE closed_at IS NULL "
                + "ORDER BY created_at LIMIT $1").execute(Tuple.of(limit)).map(rows -> {
                    List<CallbackTask> tasks = new ArrayList<>();
                    for (Row r : rows) {
                        tasks.add(new CallbackTask(r.getLong("id"), r.getString("call_id"), r.getString("number"),
                                r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return tasks;
                });
    }

    private static List<CallRecord> records(Iterable<Row> rows) {
        List<CallRecord> calls = new ArrayList<>();
        rows.forEach(r -> calls.add(record(r)));
        return calls;
    }

    private static CallRecord record(Row r) {
        String direction = r.getString("direction");
        return new CallRecord(r.getString("call_id"), r.getString("from_number"), r.getString("to_number"),
                Direction.parse(direction).orElse(null), r.getString("queue"),
                r.getString("agent"), instant(r.getOffsetDateTime("new_call_at")),
                instant(r.getOffsetDateTime("answered_at")), instant(r.getOffsetDateTime("hung_up_at")),
                r.getString("cause"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
