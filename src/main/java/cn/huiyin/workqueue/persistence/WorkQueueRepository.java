package cn.huiyin.workqueue.persistence;

import java.math.BigDecimal;
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
import io.quarkus.reactive.datasource.ReactiveDataSource;
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

    @Inject
    Pool pool;

    /**
     * The queue's pages, on connections that keep one generic plan per statement (ADR 0013): planned for its values,
     * the riskiest-first read took 2–3 ms to plan and 0.5–2.3 ms to run, its generic plan 0.4–1.9 ms to run.
     */
    @Inject
    @ReactiveDataSource("generic-plans")
    Pool queueReads;

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
     * {@code afterId}; {@link Instant#MAX} for past the items without a running handling clock). Each part of the
     * page is read from an index in cursor order ({@link QueueReads}), so a page costs the same at any depth.
     */
    public Uni<List<QueueItem>> queue(String unit, Instant afterDue, long afterId, int limit) {
        return queueReads.preparedQuery(QueueReads.BY_DEADLINE)
                .execute(Tuple.tuple(Arrays.asList(unit, Instant.MAX.equals(afterDue) ? null : afterDue.atOffset(ZoneOffset.UTC),
                        afterId, limit)))
                .map(WorkQueueRepository::items);
    }

    /**
     * The same appeals, riskiest first (those without a computed risk last, by id), a page after the keyset
     * ({@code afterRisk}, {@code afterId}; a risk of -1 for past the appeals with one). The appeals with a risk come
     * from the risk table's index, those without from the unit's open appeals by id; the second read runs only for
     * the page where the first runs out.
     */
    public Uni<List<QueueItem>> queueByRisk(String unit, double afterRisk, long afterId, int limit) {
        if (afterRisk < 0) {
            return withoutRisk(unit, afterId, limit);
        }
        return queueReads.preparedQuery(QueueReads.WITH_RISK)
                .execute(Tuple.of(unit, BigDecimal.valueOf(afterRisk), afterId, limit))
                .map(WorkQueueRepository::items)
                .chain(risky -> risky.size() == limit ? Uni.createFrom().item(risky)
                        : withoutRisk(unit, 0, limit - risky.size()).map(rest -> concat(risky, rest)));
    }

    private Uni<List<QueueItem>> withoutRisk(String unit, long afterId, int limit) {
        return queueReads.preparedQuery(QueueReads.WITHOUT_RISK).execute(Tuple.of(unit, afterId, limit)).map(WorkQueueRepository::items);
    }

    private static List<QueueItem> concat(List<QueueItem> first, List<QueueItem> then) {
        List<QueueItem> both = new ArrayList<>(first);
        both.addAll(then);
        return both;
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
