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

    /** An open appeal as a row of the work-queue page; {@code handleDueAt} null when no handling clock runs. */
    public record QueueRow(String trackingNo, String title, String status, boolean urgent, boolean supervised,
            Instant handleDueAt, String assignee, Instant claimExpiresAt) {
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

    private static final String SELECT = """
            SELECT a.tracking_no, a.title, a.status, a.urgent, a.supervised, a.assignee, a.claim_expires_at, c.due_at
            FROM appeal a
            LEFT JOIN appeal_clock c ON c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
            WHERE a.handling_unit = $1 AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
            """;

    private static final String ORDER = " ORDER BY c.due_at NULLS LAST, a.id LIMIT ";

    @Inject
    Pool pool;

    /** What {@code username} holds: signed for, or claimed on a lease that has not lapsed. */
    public Uni<List<QueueRow>> heldBy(String unit, String username, Instant now, int limit) {
        return pool.preparedQuery(SELECT + " AND a.assignee = $2 AND (a.claim_expires_at IS NULL OR a.claim_expires_at > $3)" + ORDER + "$4")
                .execute(Tuple.of(unit, username, utc(now), limit)).map(WorkQueuePageRepository::rows);
    }

    /**
     * The unit's pool: open appeals nobody holds — dispatched ones never or no longer claimed, and signed-for,
     * handled or rework appeals left without an assignee (any commissioner of the unit may work those) — so that
     * every open appeal of the API's queue that is nobody's shows on the page.
     */
    public Uni<List<QueueRow>> unclaimed(String unit, Instant now, int limit) {
        return pool.preparedQuery(SELECT + " AND (a.assignee IS NULL OR (a.status = 'DISPATCHED' AND a.claim_expires_at <= $2))"
                + ORDER + "$3")
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
                    instant(r.getOffsetDateTime("claim_expires_at"))));
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
