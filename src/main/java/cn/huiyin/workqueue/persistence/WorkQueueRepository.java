package cn.huiyin.workqueue.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.AppealStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The appeal rows a unit works on. */
@ApplicationScoped
public class WorkQueueRepository {

    public record Locked(long id, String trackingNo, String status, String handlingUnit, String channel, String appealType,
            String category, boolean urgent, String uscc, String assignee, Instant claimExpiresAt, Long parentId) {

        /** The appeal as its rules see it. */
        public Appeal appeal() {
            return new Appeal(id, trackingNo, AppealStatus.valueOf(status), handlingUnit, assignee, claimExpiresAt);
        }
    }

    /** {@code breachRisk}: the probability of missing the handling deadline (风险), null until computed. */
    public record QueueItem(String trackingNo, String title, String status, String appealType, boolean urgent,
            boolean supervised, Instant receivedAt, Instant handleDueAt, long appealId, String assignee, String part,
            Double breachRisk) {
    }

    /** The open appeals of the unit, and those it helps with (协办); the risk table is the risk capability's, read only. */
    private static final String QUEUE = """
            SELECT a.id, a.tracking_no, a.title, a.status, a.appeal_type, a.urgent, a.supervised, a.received_at,
                coalesce(c.due_at, 'infinity'::timestamptz) AS handle_due, a.assignee,
                CASE WHEN a.handling_unit = $1 THEN 'LEAD' ELSE 'HELPER' END AS part,
                r.miss_probability, coalesce(r.miss_probability, -1) AS risk_key
            FROM appeal a
            LEFT JOIN appeal_clock c ON c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
            LEFT JOIN appeal_risk r ON r.appeal_id = a.id
            WHERE (a.handling_unit = $1 OR a.id IN (SELECT h.appeal_id FROM appeal_helper_unit h WHERE h.unit_code = $1))
              AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
            """;

    @Inject
    Pool pool;

    /** Locks the appeal for a state change (FOR UPDATE: two commissioners cannot both accept it). */
    public Uni<Optional<Locked>> lock(SqlClient tx, String trackingNo) {
        return tx.preparedQuery("SELECT id, tracking_no, status, handling_unit, channel, appeal_type, category, urgent, uscc, "
                + "assignee, claim_expires_at, parent_id FROM appeal WHERE tracking_no = $1 FOR UPDATE")
                .execute(Tuple.of(trackingNo))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Locked(r.getLong("id"), r.getString("tracking_no"), r.getString("status"),
                            r.getString("handling_unit"), r.getString("channel"), r.getString("appeal_type"),
                            r.getString("category"), r.getBoolean("urgent"), r.getString("uscc"), r.getString("assignee"),
                            instant(r.getOffsetDateTime("claim_expires_at")), r.getLong("parent_id")));
                });
    }

    /** A merged child of an appeal: it receives the parent's answer. */
    public record MergedChild(long id, String trackingNo, String channel) {
    }

    /** The appeals merged into {@code parentId} that still wait for its answer, oldest first. */
    public Uni<List<MergedChild>> mergedChildren(SqlClient tx, long parentId) {
        return tx.preparedQuery("SELECT id, tracking_no, channel FROM appeal WHERE parent_id = $1 AND status = 'MERGED' ORDER BY id")
                .execute(Tuple.of(parentId))
                .map(rows -> {
                    List<MergedChild> children = new ArrayList<>();
                    rows.forEach(r -> children.add(new MergedChild(r.getLong("id"), r.getString("tracking_no"),
                            r.getString("channel"))));
                    return children;
                });
    }

    /** Whether {@code unit} helps (协办) with the appeal. */
    public Uni<Boolean> helps(SqlClient tx, long appealId, String unit) {
        return tx.preparedQuery("SELECT 1 FROM appeal_helper_unit WHERE appeal_id = $1 AND unit_code = $2")
                .execute(Tuple.of(appealId, unit)).map(rows -> rows.size() > 0);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /**
     * A unit's open appeals, nearest handling deadline first, a page after the keyset ({@code afterDue},
     * {@code afterId}; {@link Instant#MAX} for past the items without a running handling clock): keyset paging
     * stays fast at any depth.
     */
    public Uni<List<QueueItem>> queue(String unit, Instant afterDue, long afterId, int limit) {
        return pool.preparedQuery(QUEUE + """
                  AND (coalesce(c.due_at, 'infinity'::timestamptz), a.id) > (coalesce($2, 'infinity'::timestamptz), $3)
                ORDER BY handle_due, a.id LIMIT $4""")
                .execute(Tuple.tuple(Arrays.asList(unit, Instant.MAX.equals(afterDue) ? null : afterDue.atOffset(ZoneOffset.UTC),
                        afterId, limit)))
                .map(WorkQueueRepository::items);
    }

    /**
     * The same appeals, riskiest first (those without a computed risk last), a page after the keyset
     * ({@code afterRisk}, {@code afterId}; a risk of -1 for past the appeals with one).
     */
    public Uni<List<QueueItem>> queueByRisk(String unit, double afterRisk, long afterId, int limit) {
        return pool.preparedQuery(QUEUE + """
                  AND (coalesce(r.miss_probability, -1) < $2::float8 OR (coalesce(r.miss_probability, -1) = $2::float8 AND a.id > $3))
                ORDER BY risk_key DESC, a.id LIMIT $4""")
                .execute(Tuple.of(unit, afterRisk, afterId, limit))
                .map(WorkQueueRepository::items);
    }

    private static List<QueueItem> items(RowSet<Row> rows) {
        List<QueueItem> items = new ArrayList<>();
        for (Row r : rows) {
            OffsetDateTime due = r.getOffsetDateTime("handle_due");
            // no running handling clock sorts last ('infinity'), shown as no due time
            due = due == null || due.getYear() > 9999 ? null : due;
            Double risk = r.getDouble("miss_probability");
            items.add(new QueueItem(r.getString("tracking_no"), r.getString("title"), r.getString("status"),
                    r.getString("appeal_type"), r.getBoolean("urgent"), r.getBoolean("supervised"),
                    r.getOffsetDateTime("received_at").toInstant(), due == null ? null : due.toInstant(),
                    r.getLong("id"), r.getString("assignee"), r.getString("part"), risk));
        }
        return items;
    }
}
