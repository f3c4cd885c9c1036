package cn.huiyin.intake.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.domain.IntakePlan;
import cn.huiyin.shared.sql.ColumnArrays;
import cn.huiyin.sla.domain.ClockPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes new appeals. One statement writes a whole batch (group commit): the appeals, their first events and outbox
 * rows, and the clocks, escalation timers and custody of those dispatched at once, in one round trip.
 */
@ApplicationScoped
public class IntakeRepository {

    /**
     * A new appeal as it will be stored; {@code clocks} are those it starts at dispatch (none while it awaits a
     * dispatcher), each with its escalation timers.
     */
    public record NewAppeal(IntakeEnvelope envelope, String streetCode, String category, String routingSuggestions,
            IntakePlan plan, String outboxType, String outboxPayload, List<ClockPlan> clocks) {
    }

    /**
     * The whole batch in one statement, so one round trip and its own transaction: each new appeal, its first events,
     * its outbox row, and for a dispatched one its clocks with their escalation timers and the unit's custody. Every
     * input is an array (one element per appeal, event, clock or timer), matched to its appeal by tracking number; what
     * conflicts with a stored appeal (same tracking number or dedupe key) is skipped along with everything of it.
     * Rows are inserted in the batch's order, so ids follow it as they did when each appeal was its own statement.
     * The tracking numbers come in as text, not char(13): a cast to char(13) would cut a longer one silently, while
     * the column's own assignment refuses it.
     */
    private static final String INSERT = """
            WITH input AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                    $15::boolean[], $16::text[], $17::text[], $18::text[], $19::timestamptz[], $20::timestamptz[],
                    $21::timestamptz[], $22::int[], $23::bytea[], $24::text[], $25::text[], $26::text[], $27::text[],
                    $28::text[])
                WITH ORDINALITY AS a(tracking_no, channel, dedupe_key, request_hash, uscc, enterprise_name,
                    identity_state, contact_name, mobile, mobile_original, title, content, appeal_type, category,
                    urgent, status, handling_unit, street_code, received_at, dispatched_at, updated_at, event_count,
                    last_event_hash, call_id, reply_to, routing_suggestions, outbox_type, outbox_payload, ord)),
            inserted AS (
                INSERT INTO appeal (tracking_no, channel, dedupe_key, request_hash, uscc, enterprise_name,
                    identity_state, contact_name, mobile, mobile_original, title, content, appeal_type, category,
                    urgent, status, handling_unit, street_code, received_at, dispatched_at, updated_at,
                    event_count, last_event_hash, call_id, reply_to, routing_suggestions)
                SELECT tracking_no, channel, dedupe_key, request_hash, uscc, enterprise_name, identity_state,
                    contact_name, mobile, mobile_original, title, content, appeal_type, category, urgent, status,
                    handling_unit, street_code, received_at, dispatched_at, updated_at, event_count, last_event_hash,
                    call_id, reply_to, routing_suggestions
                FROM input ORDER BY ord
                ON CONFLICT DO NOTHING
                RETURNING id, tracking_no),
            events AS (
                INSERT INTO appeal_event (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload,
                    previous_hash, hash)
                SELECT i.id, e.seq, e.type, e.actor, e.occurred_at, e.reason, e.visibility, e.payload,
                    e.previous_hash, e.hash
                FROM unnest($29::char(13)[], $30::int[], $31::text[], $32::text[], $33::timestamptz[], $34::text[],
                        $35::text[], $36::text[], $37::bytea[], $38::bytea[]) WITH ORDINALITY
                    AS e(tracking_no, seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash,
                        ord)
                JOIN inserted i ON i.tracking_no = e.tracking_no
                ORDER BY e.ord),
            outboxed AS (
                INSERT INTO outbox (appeal_id, event_type, payload)
                SELECT i.id, a.outbox_type, a.outbox_payload FROM input a JOIN inserted i ON i.tracking_no = a.tracking_no
                ORDER BY a.ord),
            clocks AS (
                INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at)
                SELECT i.id, c.clock, 1, c.rule_id, c.started_at, c.due_at
                FROM unnest($39::char(13)[], $40::text[], $41::bigint[], $42::timestamptz[], $43::timestamptz[])
                    WITH ORDINALITY AS c(tracking_no, clock, rule_id, started_at, due_at, ord)
                JOIN inserted i ON i.tracking_no = c.tracking_no
                ORDER BY c.ord
                ON CONFLICT (appeal_id, clock, round) DO NOTHING
                RETURNING id, appeal_id, clock),
            timers AS (
                INSERT INTO sla_timer (clock_id, appeal_id, step, due_at)
                SELECT c.id, c.appeal_id, t.step, t.due_at
                FROM unnest($44::char(13)[], $45::text[], $46::text[], $47::timestamptz[]) WITH ORDINALITY
                    AS t(tracking_no, clock, step, due_at, ord)
                JOIN inserted i ON i.tracking_no = t.tracking_no
                JOIN clocks c ON c.appeal_id = i.id AND c.clock = t.clock
                ORDER BY t.ord),
            custody AS (
                INSERT INTO custody (appeal_id, unit_code, from_at)
                SELECT i.id, a.handling_unit, a.dispatched_at FROM input a JOIN inserted i ON i.tracking_no = a.tracking_no
                WHERE a.handling_unit IS NOT NULL
                ORDER BY a.ord)
            SELECT id, tracking_no FROM inserted
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
     * Stores the batch in one statement (atomic on its own: no BEGIN or COMMIT round trips). Returns, in order, each
     * new appeal's id, or null where an appeal with the same tracking number or dedupe key already exists (or comes
     * earlier in the batch).
     */
    public Uni<List<Long>> insertAll(List<NewAppeal> appeals) {
        Map<String, NewAppeal> firstOfEach = new LinkedHashMap<>();
        appeals.forEach(a -> firstOfEach.putIfAbsent(a.envelope().trackingNo(), a));
        return pool.preparedQuery(INSERT).execute(parameters(firstOfEach.values()))
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("tracking_no"), row.getLong("id")));
                    List<Long> inOrder = new ArrayList<>();
                    for (NewAppeal a : appeals) {
                        // a tracking number given twice in one batch is stored once, for its first appeal
                        inOrder.add(firstOfEach.get(a.envelope().trackingNo()) == a ? ids.get(a.envelope().trackingNo()) : null);
                    }
                    return inOrder;
                });
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

    private static Tuple parameters(Iterable<NewAppeal> appeals) {
        ColumnArrays appealColumns = new ColumnArrays(String.class, String.class, String.class, String.class,
                String.class, String.class, String.class, String.class, String.class, String.class, String.class,
                String.class, String.class, String.class, Boolean.class, String.class, String.class, String.class,
                OffsetDateTime.class, OffsetDateTime.class, OffsetDateTime.class, Integer.class, Buffer.class,
                String.class, String.class, String.class, String.class, String.class);
        ColumnArrays eventColumns = new ColumnArrays(String.class, Integer.class, String.class, String.class,
                OffsetDateTime.class, String.class, String.class, String.class, Buffer.class, Buffer.class);
        ColumnArrays clockColumns = new ColumnArrays(String.class, String.class, Long.class, OffsetDateTime.class,
                OffsetDateTime.class);
        ColumnArrays timerColumns = new ColumnArrays(String.class, String.class, String.class, OffsetDateTime.class);
        for (NewAppeal appeal : appeals) {
            IntakeEnvelope e = appeal.envelope();
            IntakePlan plan = appeal.plan();
            Instant updated = plan.dispatchedAt() != null ? plan.dispatchedAt() : e.receivedAt();
            appealColumns.add(e.trackingNo(), e.channel(), e.dedupeKey(), e.requestHash(), e.uscc(),
                    e.enterpriseName(), e.identity(), e.contactName(), e.mobile(), e.mobileOriginal(), e.title(),
                    e.content(), e.appealType(), appeal.category(), e.urgent(), plan.status().name(),
                    plan.handlingUnit(), appeal.streetCode(), utc(e.receivedAt()), utc(plan.dispatchedAt()),
                    utc(updated), plan.events().size(), Buffer.buffer(plan.lastHash()), e.callId(), e.replyTo(),
                    appeal.routingSuggestions(), appeal.outboxType(), appeal.outboxPayload());
            for (PlannedEvent event : plan.events()) {
                ChainEntry entry = event.entry();
                eventColumns.add(e.trackingNo(), entry.seq(), entry.type(), entry.actor(), utc(entry.occurredAt()),
                        entry.reason(), event.visibility().name(), entry.payloadJson(),
                        Buffer.buffer(event.previousHash()), Buffer.buffer(event.hash()));
            }
            for (ClockPlan clock : appeal.clocks()) {
                clockColumns.add(e.trackingNo(), clock.clock().name(), clock.rule().id(), utc(clock.startedAt()),
                        utc(clock.dueAt()));
                clock.timers().forEach(t -> timerColumns.add(e.trackingNo(), clock.clock().name(), t.step().name(),
                        utc(t.dueAt())));
            }
        }
        List<Object> parameters = new ArrayList<>(appealColumns.arrays());
        parameters.addAll(eventColumns.arrays());
        parameters.addAll(clockColumns.arrays());
        parameters.addAll(timerColumns.arrays());
        return Tuple.tuple(parameters);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
