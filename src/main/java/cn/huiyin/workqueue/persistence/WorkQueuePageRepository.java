package cn.huiyin.workqueue.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the commissioner's pages read: who holds which open appeal of the unit, nearest handling deadline first. */
@ApplicationScoped
public class WorkQueuePageRepository {

    /**
     * An open appeal as a row of the work-queue page; {@code handleDueAt} null when no handling clock runs,
     * {@code breachRisk} null until its risk is computed.
     */
    public record QueueRow(String trackingNo, String title, String status, boolean urgent, boolean supervised,
            Instant handleDueAt, String assignee, Instant claimExpiresAt, Double breachRisk) {
    }

    /** The order of a page's lists: nearest handling deadline first, or riskiest first (风险). */
    public enum Order {
        DEADLINE(" ORDER BY c.due_at NULLS LAST, a.id LIMIT "),
        RISK(" ORDER BY r.miss_probability DESC NULLS LAST, c.due_at NULLS LAST, a.id LIMIT ");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** Who holds an appeal now; {@code claimExpiresAt} null once it is signed for. */
    public record Holding(String assignee, Instant claimExpiresAt) {

        public boolean heldLiveBy(String username, Instant now) {
            return assignee != null && assignee.equals(username) && (claimExpiresAt == null || claimExpiresAt.isAfter(now));
        }

        public boolean heldLiveByAnother(String username, Instant now) {
            return assignee != null && !assignee.equals(username) && (claimExpiresAt == null || claimExpiresAt.isAfter(now));
        }
    }

    /** The risk table is the risk capability's, read only. */
    private static final String SELECT = """
            SELECT a.tracking_no, a.title, a.status, a.urgent, a.supervised, a.assignee, a.claim_expires_at, c.due_at,
                r.miss_probability
            FROM appeal a
            LEFT JOIN appeal_clock c ON c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
            LEFT JOIN appeal_risk r ON r.appeal_id = a.id
            WHERE a.handling_unit = $1 AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
            """;

    @Inject
    Pool pool;

    /** What {@code username} holds: signed for, or claimed on a lease that has not lapsed. */
    public Uni<List<QueueRow>> heldBy(String unit, String username, Instant now, Order order, int limit) {
        return pool.preparedQuery(SELECT + " AND a.assignee = $2 AND (a.claim_expires_at IS NULL OR a.claim_expires_at > $3)"
                + order.sql + "$4")
                .execute(Tuple.of(unit, username, utc(now), limit)).map(WorkQueuePageRepository::rows);
    }

    /**
     * The unit's pool: open appeals nobody holds — dispatched ones never or no longer claimed, and signed-for,
     * handled or rework appeals left without an assignee (any commissioner of the unit may work those) — so that
     * every open appeal of the API's queue that is nobody's shows on the page.
     */
    public Uni<List<QueueRow>> unclaimed(String unit, Instant now, Order order, int limit) {
        return pool.preparedQuery(SELECT + " AND (a.assignee IS NULL OR (a.status = 'DISPATCHED' AND a.claim_expires_at <= $2))"
                + order.sql + "$3")
                .execute(Tuple.of(unit, utc(now), limit)).map(WorkQueuePageRepository::rows);
    }

    public Uni<Optional<Holding>> holding(String trackingNo) {
        return pool.preparedQuery("SELECT assignee, claim_expires_at FROM appeal WHERE tracking_no = $1")
                .execute(Tuple.of(trackingNo))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Holding(rows.iterator().next().getString("assignee"),
                        instant(rows.iterator().next().getOffsetDateTime("claim_expires_at")))));
    }

    private static List<QueueRow> rows(RowSet<Row> rows) {
        List<QueueRow> list = new ArrayList<>();
        for (Row r : rows) {
            list.add(new QueueRow(r.getString("tracking_no"), r.getString("title"), r.getString("status"), r.getBoolean("urgent"),
                    r.getBoolean("supervised"), instant(r.getOffsetDateTime("due_at")), r.getString("assignee"),
                    instant(r.getOffsetDateTime("claim_expires_at")),
                    r.getDouble("miss_probability")));
        }
        return list;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
