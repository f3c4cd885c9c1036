package cn.huiyin.workqueue.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.reactive.datasource.ReactiveDataSource;
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
     * {@code breachRisk} null until its risk is computed. {@code id} and the order's key say where the next page starts.
     */
    public record QueueRow(long id, String trackingNo, String title, String status, boolean urgent, boolean supervised,
            Instant handleDueAt, String assignee, Instant claimExpiresAt, Double breachRisk) {
    }

    /** The order of a page's lists: nearest handling deadline first, or riskiest first (风险). */
    public enum Order {
        DEADLINE, RISK
    }

    /**
     * Where a page of a list starts: after the row with this key and {@code id}, in the list's order. By deadline the
     * key is {@code due} ({@link Instant#MAX} past the deadlines); riskiest first it is {@code risk}, or, once the
     * appeals without a risk have begun ({@code risk} null), {@code due} again, as those follow by deadline.
     */
    public record After(Double risk, Instant due, long id) {

        /** Before every deadline. */
        private static final Instant FIRST_DUE = Instant.EPOCH;

        /** Above every risk. */
        private static final double FIRST_RISK = 2;

        public static After first(Order order) {
            return new After(order == Order.RISK ? FIRST_RISK : null, FIRST_DUE, 0);
        }

        /** Where the page after {@code last} starts. */
        public static After row(Order order, QueueRow last) {
            Instant due = last.handleDueAt() == null ? Instant.MAX : last.handleDueAt();
            return new After(order == Order.RISK ? last.breachRisk() : null, due, last.id());
        }

        private Object dueKey() {
            return Instant.MAX.equals(due) ? null : utc(due);
        }

        private After firstWithoutRisk() {
            return new After(null, FIRST_DUE, 0);
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

    /** A list's statements: by deadline, riskiest first, and those without a risk (which follow by deadline). */
    private record Reads(String byDeadline, String riskiest, String withoutRisk) {
    }

    private static final Reads HELD = new Reads(PageReads.HELD_BY_DEADLINE, PageReads.HELD_RISKIEST,
            PageReads.HELD_WITHOUT_RISK);

    private static final Reads POOL = new Reads(PageReads.POOL_BY_DEADLINE, PageReads.POOL_RISKIEST,
            PageReads.POOL_WITHOUT_RISK);

    /** One cached plan per statement (see application.properties): each list's read walks its index whatever the values. */
    @Inject
    @ReactiveDataSource("generic-plans")
    Pool pool;

    /** What {@code username} holds: signed for, or claimed on a lease that has not lapsed; a page after {@code after}. */
    public Uni<List<QueueRow>> heldBy(String unit, String username, Instant now, Order order, After after, int limit) {
        return list(HELD, List.of(unit, username, utc(now)), order, after, limit);
    }

    /**
     * The unit's pool: open appeals nobody holds — dispatched ones never or no longer claimed, and signed-for,
     * handled or rework appeals left without an assignee (any commissioner of the unit may work those) — so that
     * every open appeal of the API's queue that is nobody's shows on the page; a page after {@code after}.
     */
    public Uni<List<QueueRow>> unclaimed(String unit, Instant now, Order order, After after, int limit) {
        return list(POOL, List.of(unit, utc(now)), order, after, limit);
    }

    /**
     * Riskiest first, the appeals without a risk follow by deadline when those with one do not fill the page (the
     * second read runs only on the page where the first runs out).
     */
    private Uni<List<QueueRow>> list(Reads reads, List<Object> arguments, Order order, After after, int limit) {
        if (order == Order.DEADLINE) {
            return rows(reads.byDeadline(), arguments, after.dueKey(), after.id(), limit);
        }
        if (after.risk() == null) {
            return rows(reads.withoutRisk(), arguments, after.dueKey(), after.id(), limit);
        }
        return rows(reads.riskiest(), arguments, BigDecimal.valueOf(after.risk()), after.id(), limit).chain(risky -> {
            if (risky.size() == limit) {
                return Uni.createFrom().item(risky);
            }
            After tail = after.firstWithoutRisk();
            return rows(reads.withoutRisk(), arguments, tail.dueKey(), tail.id(), limit - risky.size())
                    .map(rest -> {
                        List<QueueRow> both = new ArrayList<>(risky);
                        both.addAll(rest);
                        return both;
                    });
        });
    }

    /** The statement's last parameters are the cursor's key and id and the list's length. */
    private Uni<List<QueueRow>> rows(String sql, List<Object> arguments, Object cursorKey, long cursorId, int limit) {
        List<Object> values = new ArrayList<>(arguments);
        values.add(cursorKey);
        values.add(cursorId);
        values.add(limit);
        return pool.preparedQuery(sql).execute(Tuple.tuple(values)).map(WorkQueuePageRepository::rows);
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
            list.add(new QueueRow(r.getLong("id"), r.getString("tracking_no"), r.getString("title"), r.getString("status"), r.getBoolean("urgent"),
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
