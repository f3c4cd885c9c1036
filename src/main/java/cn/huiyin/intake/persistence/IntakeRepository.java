package cn.huiyin.intake.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.domain.IntakePlan;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes new appeals. One statement per appeal inserts the appeal, its first events and its outbox row;
 * a batch of them goes to PostgreSQL in one round trip and one transaction (group commit).
 */
@ApplicationScoped
public class IntakeRepository {

    /** A new appeal as it will be stored. */
    public record NewAppeal(IntakeEnvelope envelope, String streetCode, String category, String routingSuggestions,
            IntakePlan plan, String outboxType, String outboxPayload) {
    }

    private static final String INSERT = """
            WITH inserted AS (
                INSERT INTO appeal (tracking_no, channel, dedupe_key, request_hash, uscc, enterprise_name,
                    identity_state, contact_name, mobile, mobile_original, title, content, appeal_type, category,
                    urgent, status, handling_unit, street_code, received_at, dispatched_at, updated_at,
                    event_count, last_event_hash, call_id, reply_to, routing_suggestions)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                    $21, $22, $23, $35, $36, $37)
                ON CONFLICT DO NOTHING
                RETURNING id),
            events AS (
                INSERT INTO appeal_event (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload,
                    previous_hash, hash)
                SELECT inserted.id, e.seq, e.type, e.actor, e.occurred_at, e.reason, e.visibility, e.payload,
                    e.previous_hash, e.hash
                FROM inserted,
                    unnest($24::int[], $25::text[], $26::text[], $27::timestamptz[], $28::text[], $29::text[],
                        $30::text[], $31::bytea[], $32::bytea[])
                    AS e(seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash)),
            outboxed AS (
                INSERT INTO outbox (appeal_id, event_type, payload) SELECT inserted.id, $33, $34 FROM inserted)
            SELECT id FROM inserted
            """;

    @Inject
    Pool pool;

    /** The first serial of a fresh block of tracking numbers (the sequence hands out blocks, not single numbers). */
    public Uni<Long> nextSerialBlock() {
        return pool.query("SELECT nextval('tracking_serial') AS start").execute()
                .map(rows -> rows.iterator().next().getLong("start"));
    }

    /** An appeal stored under an idempotency key: its number and the hash of the request that made it. */
    public record Stored(String trackingNo, String requestHash) {
    }

    public Uni<Optional<Stored>> storedUnder(String dedupeKey) {
        return pool.preparedQuery("SELECT tracking_no, request_hash FROM appeal WHERE dedupe_key = $1")
                .execute(Tuple.of(dedupeKey))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<Stored> empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Stored(row.getString("tracking_no"), row.getString("request_hash")));
                });
    }

    /** Streets of the enterprises we know, by USCC. */
    public Uni<Map<String, String>> streetsOf(List<String> usccs) {
        if (usccs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT uscc, street_code FROM enterprise WHERE uscc = ANY($1) AND street_code IS NOT NULL")
                .execute(Tuple.of(usccs.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> streets = new HashMap<>();
                    rows.forEach(row -> streets.put(row.getString("uscc"), row.getString("street_code")));
                    return streets;
                });
    }

    /**
     * The name on record for each of these USCCs: the enterprise register first, else the name given with the
     * latest earlier appeal of that enterprise (a signed-in enterprise's before a declared one). USCCs with no
     * known name are absent.
     */
    public Uni<Map<String, String>> namesOf(List<String> usccs) {
        if (usccs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                SELECT u.uscc, coalesce(e.name, (
                    SELECT a.enterprise_name FROM appeal a
                    WHERE a.uscc = u.uscc AND a.enterprise_name IS NOT NULL AND a.enterprise_name <> ''
                    ORDER BY (a.identity_state = 'AUTHENTICATED') DESC, a.received_at DESC LIMIT 1)) AS name
                FROM unnest($1::char(18)[]) AS u(uscc) LEFT JOIN enterprise e ON e.uscc = u.uscc""")
                .execute(Tuple.of(usccs.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> {
                        if (row.getString("name") != null) {
                            names.put(row.getString("uscc"), row.getString("name"));
                        }
                    });
                    return names;
                });
    }

    /**
     * Inserts the appeals in one transaction, then lets {@code alsoInTransaction} write what belongs with
     * them (their clocks). Returns, in order, each new appeal's id, or null where an appeal with the same
     * tracking number or dedupe key already exists.
     */
    public Uni<List<Long>> insertAll(List<NewAppeal> appeals,
            BiFunction<SqlConnection, List<Long>, Uni<Void>> alsoInTransaction) {
        List<Tuple> tuples = appeals.stream().map(IntakeRepository::tuple).toList();
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT).executeBatch(tuples)
                .map(IntakeRepository::insertedIds)
                .call(ids -> alsoInTransaction.apply(connection, ids)));
    }

    /** Which of these tracking numbers or dedupe keys belong to an appeal with that request hash. */
    public Uni<Map<String, String>> requestHashes(List<String> trackingNos, List<String> dedupeKeys) {
        return pool.preparedQuery("""
                SELECT tracking_no, dedupe_key, request_hash FROM appeal
                WHERE tracking_no = ANY($1) OR dedupe_key = ANY($2)""")
                .execute(Tuple.of(trackingNos.toArray(String[]::new), dedupeKeys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> hashes = new HashMap<>();
                    for (Row row : rows) {
                        hashes.put(row.getString("tracking_no"), row.getString("request_hash"));
                        if (row.getString("dedupe_key") != null) {
                            hashes.put(row.getString("dedupe_key"), row.getString("request_hash"));
                        }
                    }
                    return hashes;
                });
    }

    private static List<Long> insertedIds(RowSet<Row> first) {
        List<Long> ids = new ArrayList<>();
        for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
            ids.add(rows.iterator().hasNext() ? rows.iterator().next().getLong("id") : null);
        }
        return ids;
    }

    private static Tuple tuple(NewAppeal appeal) {
        IntakeEnvelope e = appeal.envelope();
        IntakePlan plan = appeal.plan();
        List<PlannedEvent> events = plan.events();
        int n = events.size();
        Integer[] seq = new Integer[n];
        String[] type = new String[n];
        String[] actor = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] reason = new String[n];
        String[] visibility = new String[n];
        String[] payload = new String[n];
        Buffer[] previous = new Buffer[n];
        Buffer[] hash = new Buffer[n];
        for (int i = 0; i < n; i++) {
            PlannedEvent event = events.get(i);
            seq[i] = event.entry().seq();
            type[i] = event.entry().type();
            actor[i] = event.entry().actor();
            at[i] = utc(event.entry().occurredAt());
            reason[i] = event.entry().reason();
            visibility[i] = event.visibility().name();
            payload[i] = event.entry().payloadJson();
            previous[i] = Buffer.buffer(event.previousHash());
            hash[i] = Buffer.buffer(event.hash());
        }
        Instant now = plan.dispatchedAt() != null ? plan.dispatchedAt() : e.receivedAt();
        // Arrays.asList, unlike List.of, keeps the nulls of absent optional fields
        return Tuple.tuple(Arrays.asList(e.trackingNo(), e.channel(), e.dedupeKey(), e.requestHash(), e.uscc(),
                e.enterpriseName(), e.identity(), e.contactName(), e.mobile(), e.mobileOriginal(), e.title(),
                e.content(), e.appealType(), appeal.category(), e.urgent(), plan.status().name(), plan.handlingUnit(),
                appeal.streetCode(), utc(e.receivedAt()), utc(plan.dispatchedAt()), utc(now), n,
                Buffer.buffer(plan.lastHash()), seq, type, actor, at, reason, visibility, payload, previous, hash,
                appeal.outboxType(), appeal.outboxPayload(), e.callId(), e.replyTo(),
                appeal.routingSuggestions()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
