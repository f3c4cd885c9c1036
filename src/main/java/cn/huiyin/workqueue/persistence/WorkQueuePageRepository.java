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

/**
 * What the commissioner's pages read: who holds which open appeal of the unit, nearest handling deadline first
 * (statements in {@link PageReads}).
 */
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
        DEADLINE, RISK
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

    @Inject
    Pool pool;

    /** What {@code username} holds: signed for, or claimed on a lease that has not lapsed. */
    public Uni<List<QueueRow>> heldBy(String unit, String username, Instant now, Order order, int limit) {
        List<Object> arguments = List.of(unit, username, utc(now));
        return order == Order.RISK
                ? planned(PageReads.HELD_RISKIEST, arguments, limit).chain(risky -> rest(risky, PageReads.HELD_WITHOUT_RISK,
                        arguments, limit, false))
                : rows(PageReads.HELD_BY_DEADLINE, arguments, limit, false);
    }

    /**
     * The unit's pool: open appeals nobody holds — dispatched ones never or no longer claimed, and signed-for,
     * handled or rework appeals left without an assignee (any commissioner of the unit may work those) — so that
     * every open appeal of the API's queue that is nobody's shows on the page.
     */
    public Uni<List<QueueRow>> unclaimed(String unit, Instant now, Order order, int limit) {
        List<Object> arguments = List.of(unit, utc(now));
        return order == Order.RISK
                ? planned(PageReads.POOL_RISKIEST, arguments, limit).chain(risky -> rest(risky, PageReads.POOL_WITHOUT_RISK,
                        arguments, limit, true))
                : planned(PageReads.POOL_BY_DEADLINE, arguments, limit);
    }

    /** Riskiest first, the appeals without a risk follow by deadline, when those with one do not fill the list. */
    private Uni<List<QueueRow>> rest(List<QueueRow> risky, String withoutRisk, List<Object> arguments, int limit,
            boolean planned) {
        if (risky.size() == limit) {
            return Uni.createFrom().item(risky);
        }
        return rows(withoutRisk, arguments, limit - risky.size(), planned).map(rest -> {
            List<QueueRow> both = new ArrayList<>(risky);
            both.addAll(rest);
            return both;
        });
    }

    private Uni<List<QueueRow>> planned(String sql, List<Object> arguments, int limit) {
        return rows(sql, arguments, limit, true);
    }

    /**
     * The statement's last parameter is the list's length. {@code planned}: planned for these values rather than
     * with the cached statement's generic plan, for the statements whose best plan depends on them — how far the
     * unit's risks must be walked to fill a holder's list, how many claims have lapsed by {@code now} (a generic plan
     * would guess a third of the claims and walk the unit's whole queue) — at the price of planning each time.
     */
    private Uni<List<QueueRow>> rows(String sql, List<Object> arguments, int limit, boolean planned) {
        List<Object> values = new ArrayList<>(arguments);
        values.add(limit);
        if (!planned) {
            return pool.preparedQuery(sql).execute(Tuple.tuple(values)).map(WorkQueuePageRepository::rows);
        }
        return pool.withTransaction(tx -> tx.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .chain(() -> tx.preparedQuery(sql).execute(Tuple.tuple(values))))
                .map(WorkQueuePageRepository::rows);
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
