package cn.huiyin.metrics.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiyin.metrics.domain.AppealBasics;
import cn.huiyin.metrics.domain.AppealFact;
import cn.huiyin.metrics.domain.CellKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads what the projector folds (events, appeal rows, clocks) and writes the per-appeal facts. */
@ApplicationScoped
public class ProjectionRepository {

    /** The projector's position and the database's transaction horizon, read in the projector's transaction. */
    public record Position(long position, long xmin, long xmax, Instant now) {
    }

    /** A new event's place: which appeal, which seq. */
    public record EventRef(long id, long appealId, int seq) {
    }

    /** One stored event of an appeal's history: its type name and payload text as written. */
    public record EventRow(long appealId, int seq, String type, Instant occurredAt, String payload) {
    }

    /** A missing event id seen before. */
    public record Gap(long eventId, long seenXmax, Instant seenAt) {
    }

    /** Locks the projector row; empty when another replica is projecting right now. */
    public Uni<Position> lock(SqlConnection tx) {
        return tx.query("""
                SELECT p.position, pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin,
                    pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax, clock_timestamp() AS now
                FROM metrics_projector p WHERE p.name = 'appeal-facts' FOR UPDATE SKIP LOCKED""").execute()
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Position(r.getLong("position"), r.getLong("xmin"), r.getLong("xmax"),
                            r.getOffsetDateTime("now").toInstant());
                });
    }

    public Uni<List<EventRef>> eventsAfter(SqlConnection tx, long position, int limit) {
        return tx.preparedQuery("SELECT id, appeal_id, seq FROM appeal_event WHERE id > $1::bigint ORDER BY id LIMIT $2")
                .execute(Tuple.of(position, limit))
                .map(rows -> {
                    List<EventRef> refs = new ArrayList<>();
                    rows.forEach(r -> refs.add(new EventRef(r.getLong("id"), r.getLong("appeal_id"), r.getInteger("seq"))));
                    return refs;
                });
    }

    public Uni<Map<Long, Gap>> gapsAfter(SqlConnection tx, long position) {
        return tx.preparedQuery("SELECT event_id, seen_xmax, seen_at FROM metrics_projector_gap WHERE event_id > $1::bigint")
                .execute(Tuple.of(position))
                .map(rows -> {
                    Map<Long, Gap> gaps = new HashMap<>();
                    rows.forEach(r -> gaps.put(r.getLong("event_id"), new Gap(r.getLong("event_id"), r.getLong("seen_xmax"),
                            r.getOffsetDateTime("seen_at").toInstant())));
                    return gaps;
                });
    }

    public Uni<Void> rememberGaps(SqlConnection tx, List<Long> eventIds, long xmax, Instant now) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                INSERT INTO metrics_projector_gap (event_id, seen_xmax, seen_at)
                SELECT unnest($1::bigint[]), $2::bigint, $3 ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(eventIds.toArray(Long[]::new), xmax, utc(now))).replaceWithVoid();
    }

    public Uni<Void> advance(SqlConnection tx, long position) {
        return tx.preparedQuery("UPDATE metrics_projector SET position = $1, updated_at = now() WHERE name = 'appeal-facts'")
                .execute(Tuple.of(position))
                .chain(() -> tx.preparedQuery("DELETE FROM metrics_projector_gap WHERE event_id <= $1::bigint")
                        .execute(Tuple.of(position)))
                .replaceWithVoid();
    }

    /** The applied seq of each appeal that has a fact already. */
    public Uni<Map<Long, Integer>> appliedSeqs(SqlConnection tx, Collection<Long> appealIds) {
        return tx.preparedQuery("SELECT appeal_id, applied_seq FROM metrics_appeal_fact WHERE appeal_id = ANY($1)")
                .execute(Tuple.of(appealIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Integer> seqs = new HashMap<>();
                    rows.forEach(r -> seqs.put(r.getLong("appeal_id"), r.getInteger("applied_seq")));
                    return seqs;
                });
    }

    /** The cells the appeals' facts are in now, before they are folded again (an appeal can change cell). */
    public Uni<List<CellKey>> cellsOf(SqlConnection tx, Collection<Long> appealIds) {
        return tx.preparedQuery("""
                SELECT DISTINCT received_day, unit_code, street_code, category FROM metrics_appeal_fact
                WHERE appeal_id = ANY($1)""")
                .execute(Tuple.of(appealIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<CellKey> cells = new ArrayList<>();
                    rows.forEach(r -> cells.add(new CellKey(r.getLocalDate("received_day"), r.getString("unit_code"),
                            r.getString("street_code"), r.getString("category"))));
                    return cells;
                });
    }

    public Uni<List<AppealBasics>> basics(SqlConnection tx, Collection<Long> appealIds) {
        return tx.preparedQuery("""
                SELECT a.id, a.tracking_no, a.channel, a.appeal_type, a.category, a.handling_unit, a.street_code, a.status,
                    a.received_at,
                    (SELECT c.due_at FROM appeal_clock c WHERE c.appeal_id = a.id AND c.clock = 'RESPOND' AND c.round = 1)
                        AS respond_due,
                    (SELECT c.due_at FROM appeal_clock c WHERE c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.round = 1)
                        AS handle_due
                FROM appeal a WHERE a.id = ANY($1)""")
                .execute(Tuple.of(appealIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<AppealBasics> basics = new ArrayList<>();
                    rows.forEach(r -> basics.add(new AppealBasics(r.getLong("id"), r.getString("tracking_no"),
                            r.getString("channel"), r.getString("appeal_type"), r.getString("category"),
                            r.getString("handling_unit"), r.getString("street_code"), r.getString("status"),
                            instant(r, "received_at"), instant(r, "respond_due"), instant(r, "handle_due"))));
                    return basics;
                });
    }

    /** Every event of the appeals, in seq order per appeal, as stored (the projector decodes the payloads). */
    public Uni<List<EventRow>> histories(SqlConnection tx, Collection<Long> appealIds) {
        return tx.preparedQuery("""
                SELECT appeal_id, seq, type, occurred_at, payload FROM appeal_event WHERE appeal_id = ANY($1)
                ORDER BY appeal_id, seq""")
                .execute(Tuple.of(appealIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<EventRow> events = new ArrayList<>();
                    rows.forEach(r -> events.add(new EventRow(r.getLong("appeal_id"), r.getInteger("seq"),
                            r.getString("type"), instant(r, "occurred_at"), r.getString("payload"))));
                    return events;
                });
    }

    public Uni<Void> saveFacts(SqlConnection tx, List<AppealFact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = facts.stream().map(ProjectionRepository::tuple).toList();
        return tx.preparedQuery("""
                INSERT INTO metrics_appeal_fact (appeal_id, applied_seq, tracking_no, received_day, unit_code, street_code,
                    category, channel, appeal_type, status, open, received_at, dispatched_at, accepted_at, first_contact_at,
                    replied_at, handle_due_at, response_minutes, handling_minutes, custody_minutes, respond_on_time,
                    handle_on_time, returns, transfers, reworks, rating_level, rating_resolved, rating_defaulted,
                    rating_excluded, count_bits, projected_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                    $22, $23, $24, $25, $26, $27, $28, $29, $30, now())
                ON CONFLICT (appeal_id) DO UPDATE SET applied_seq = EXCLUDED.applied_seq,
                    received_day = EXCLUDED.received_day, unit_code = EXCLUDED.unit_code,
                    street_code = EXCLUDED.street_code, category = EXCLUDED.category, status = EXCLUDED.status,
                    open = EXCLUDED.open, dispatched_at = EXCLUDED.dispatched_at, accepted_at = EXCLUDED.accepted_at,
                    first_contact_at = EXCLUDED.first_contact_at, replied_at = EXCLUDED.replied_at,
                    handle_due_at = EXCLUDED.handle_due_at, response_minutes = EXCLUDED.response_minutes,
                    handling_minutes = EXCLUDED.handling_minutes, custody_minutes = EXCLUDED.custody_minutes,
                    respond_on_time = EXCLUDED.respond_on_time, handle_on_time = EXCLUDED.handle_on_time,
                    returns = EXCLUDED.returns, transfers = EXCLUDED.transfers, reworks = EXCLUDED.reworks,
                    rating_level = EXCLUDED.rating_level, rating_resolved = EXCLUDED.rating_resolved,
                    rating_defaulted = EXCLUDED.rating_defaulted, rating_excluded = EXCLUDED.rating_excluded,
                    count_bits = EXCLUDED.count_bits, projected_at = now()""")
                .executeBatch(tuples).replaceWithVoid();
    }

    private static Tuple tuple(AppealFact f) {
        return Tuple.tuple(Arrays.asList(f.appealId(), f.appliedSeq(), f.trackingNo(), f.cell().day(), f.cell().unit(),
                f.cell().street(), f.cell().category(), f.channel(), f.appealType(), f.status(), f.open(),
                utc(f.receivedAt()), utc(f.dispatchedAt()), utc(f.acceptedAt()), utc(f.firstContactAt()),
                utc(f.repliedAt()), utc(f.handleDueAt()), f.responseMinutes(), f.handlingMinutes(), f.custodyMinutes(),
                f.respondOnTime(), f.handleOnTime(), f.returns(), f.transfers(), f.reworks(),
                f.ratingLevel() == null ? null : f.ratingLevel().shortValue(), f.ratingResolved(), f.ratingDefaulted(),
                f.ratingExcluded(), f.countBits()));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static LocalDate[] days(List<CellKey> cells) {
        return cells.stream().map(CellKey::day).toArray(LocalDate[]::new);
    }
}
