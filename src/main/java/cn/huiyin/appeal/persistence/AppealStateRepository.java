package cn.huiyin.appeal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.LapsedClaim;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.shared.sql.ColumnArrays;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every change to an appeal row after intake, and every outbox row a step leaves, in the caller's transaction. The
 * one place that writes {@code UPDATE appeal} and (after intake's own group-commit statement) {@code INSERT INTO
 * outbox}: who may make which change is decided before, by the callers' rules.
 */
@ApplicationScoped
public class AppealStateRepository {

    public Uni<Void> moveTo(SqlClient tx, long appealId, String status) {
        return tx.preparedQuery("UPDATE appeal SET status = $2, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(appealId, status)).replaceWithVoid();
    }

    /** Gives the appeal to an assignee on a lease; the first such time is when it was first assigned. */
    public Uni<Void> hold(SqlClient tx, long appealId, String assignee, Instant until, Instant now) {
        return holdAll(tx, Map.of(appealId, assignee), until, now);
    }

    /** Gives each appeal to its assignee (appeal id → username) on a lease, in one statement, as {@link #hold}. */
    public Uni<Void> holdAll(SqlClient tx, Map<Long, String> assignees, Instant until, Instant now) {
        return tx.preparedQuery("""
                UPDATE appeal a SET assignee = chosen.assignee, claim_expires_at = $3,
                    assigned_at = coalesce(a.assigned_at, $4), updated_at = now()
                FROM unnest($1::bigint[], $2::text[]) AS chosen (id, assignee)
                WHERE a.id = chosen.id""")
                .execute(Tuple.of(assignees.keySet().toArray(Long[]::new), assignees.values().toArray(String[]::new),
                        utc(until), utc(now)))
                .replaceWithVoid();
    }

    /**
     * Writes what a step decided: status, unit, holder and claim, in one statement. The first time it is dispatched
     * is remembered (a re-dispatch keeps it).
     */
    public Uni<Void> save(SqlClient tx, Appeal after) {
        return tx.preparedQuery("UPDATE appeal SET status = $2::varchar, handling_unit = $3, assignee = $4, claim_expires_at = $5, "
                + "dispatched_at = CASE WHEN $2::varchar = 'DISPATCHED' THEN coalesce(dispatched_at, now()) ELSE dispatched_at END, "
                + "updated_at = now() WHERE id = $1")
                .execute(Tuple.tuple(Arrays.asList(after.id(), after.status().name(), after.handlingUnit(), after.assignee(),
                        utc(after.claimExpiresAt())))).replaceWithVoid();
    }

    /** The dispatcher's category; the router's suggestions are spent. */
    public Uni<Void> setCategory(SqlClient tx, long appealId, String category) {
        return tx.preparedQuery("UPDATE appeal SET category = $2, routing_suggestions = NULL WHERE id = $1")
                .execute(Tuple.of(appealId, category)).replaceWithVoid();
    }

    /** A merged child follows its parent; nobody holds the child any more. */
    public Uni<Void> linkToParent(SqlClient tx, long childId, long parentId) {
        return tx.preparedQuery("UPDATE appeal SET parent_id = $2, assignee = NULL, claim_expires_at = NULL WHERE id = $1")
                .execute(Tuple.of(childId, parentId)).replaceWithVoid();
    }

    /** The 督办 flag, set once (not a step: {@code updated_at}, which orders the returned list, stays). */
    public Uni<Void> markSupervised(SqlClient tx, Long[] appealIds) {
        return tx.preparedQuery("UPDATE appeal SET supervised = true WHERE id = ANY($1) AND NOT supervised")
                .execute(Tuple.of((Object) appealIds)).replaceWithVoid();
    }

    /** Where an appeal's chain ends after an append: its event count and the last event's hash. */
    public record ChainHead(long appealId, int eventCount, byte[] lastHash) {
    }

    /** Moves the chain heads after events were appended, in one statement. */
    public Uni<Void> moveChainHeads(SqlClient tx, List<ChainHead> heads) {
        ColumnArrays columns = new ColumnArrays(Long.class, Integer.class, Buffer.class);
        heads.forEach(h -> columns.add(h.appealId(), h.eventCount(), Buffer.buffer(h.lastHash())));
        return tx.preparedQuery("""
                UPDATE appeal a SET event_count = h.event_count, last_event_hash = h.last_hash, updated_at = now()
                FROM unnest($1::bigint[], $2::int[], $3::bytea[]) AS h (id, event_count, last_hash)
                WHERE a.id = h.id""")
                .execute(Tuple.tuple(columns.arrays())).replaceWithVoid();
    }

    /**
     * Returns up to {@code limit} claims that lapsed before {@code now} (dispatched, not signed for) to their units'
     * pools; appeals another transaction holds are left for the next sweep.
     */
    public Uni<List<LapsedClaim>> releaseLapsedClaims(SqlClient tx, Instant now, int limit) {
        return tx.preparedQuery("""
                WITH lapsed AS (
                    SELECT id, assignee FROM appeal
                    WHERE claim_expires_at < $1 AND status = 'DISPATCHED'
                    ORDER BY claim_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                UPDATE appeal a SET assignee = NULL, claim_expires_at = NULL, updated_at = now()
                FROM lapsed WHERE a.id = lapsed.id
                RETURNING a.id, lapsed.assignee, a.handling_unit, a.tracking_no, a.status""")
                .execute(Tuple.of(utc(now), limit))
                .map(rows -> {
                    List<LapsedClaim> released = new ArrayList<>();
                    for (Row row : rows) {
                        released.add(new LapsedClaim(row.getLong("id"), row.getString("assignee"),
                                row.getString("handling_unit"), row.getString("tracking_no"), row.getString("status")));
                    }
                    return released;
                });
    }

    public Uni<Void> outbox(SqlClient tx, List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ColumnArrays columns = new ColumnArrays(Long.class, String.class, String.class);
        rows.forEach(r -> columns.add(r.appealId(), r.type(), r.payload()));
        // in the given order: the relay delivers by id
        return tx.preparedQuery("""
                INSERT INTO outbox (appeal_id, event_type, payload)
                SELECT appeal_id, event_type, payload FROM unnest($1::bigint[], $2::text[], $3::text[]) WITH ORDINALITY
                    AS o (appeal_id, event_type, payload, ord)
                ORDER BY ord""")
                .execute(Tuple.tuple(columns.arrays())).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
