package cn.huiyin.metrics.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.metrics.domain.CellKey;
import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.CoveringCells;
import cn.huiyin.metrics.domain.Rollup;
import cn.huiyin.metrics.domain.RollupSpan;
import cn.huiyin.sla.SlaConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rollups: daily rows rebuilt cell by cell from the facts, monthly rows re-merged from their days in the same
 * transaction, and a question's rows read in one statement ({@link CoveringRead}) — months from the monthly rows, less
 * the days outside the period, and the other days from the daily ones ({@link RollupSpan}).
 */
@ApplicationScoped
public class RollupRepository {

    /** Which rollups to read: days received in [from, to], and optional unit, street, category (null: any). */
    public record Filter(LocalDate from, LocalDate to, String unit, String street, String category) {
    }

    /**
     * What one read gives. {@code cells}: rollups that together cover the period once — a whole month's cell keyed by
     * the month's first day, a day outside the whole months by its day — for totals and groupings by unit, street,
     * category or month. {@code days}: counts only (no histograms), per received day across the cells, when asked.
     */
    public record Read(Map<CellKey, Rollup> cells, Map<LocalDate, Rollup> days) {
    }

    /** Months backfilled per projector batch: each is one statement over that month's daily rows. */
    static final int BACKFILL_MONTHS_PER_BATCH = 6;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    SlaConfig sla;

    /** Set once the backfill table is seen empty; it never fills again. */
    private final AtomicBoolean monthsComplete = new AtomicBoolean();

    /**
     * Recomputes the cells from their facts, in the projector's transaction; a cell left empty is deleted. The month
     * cells they are in are then re-merged from their days.
     */
    public Uni<Void> rebuild(SqlConnection tx, List<CellKey> cells) {
        if (cells.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple keys = Tuple.of(ProjectionRepository.days(cells), column(cells, 1), column(cells, 2), column(cells, 3));
        return tx.preparedQuery("""
                SELECT f.received_day, f.unit_code, f.street_code, f.category, f.count_bits, f.custody_minutes,
                    f.response_minutes, f.handling_minutes
                FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) AS k(day, unit, street, category)
                JOIN metrics_appeal_fact f ON f.received_day = k.day AND f.unit_code = k.unit
                    AND f.street_code = k.street AND f.category = k.category""")
                .execute(keys)
                .chain(rows -> {
                    Map<CellKey, Rollup> rollups = new LinkedHashMap<>();
                    cells.forEach(cell -> rollups.put(cell, new Rollup()));
                    for (Row r : rows) {
                        CellKey cell = new CellKey(r.getLocalDate("received_day"), r.getString("unit_code"),
                                r.getString("street_code"), r.getString("category"));
                        rollups.computeIfAbsent(cell, c -> new Rollup()).add(r.getInteger("count_bits"),
                                r.getLong("custody_minutes"), r.getLong("response_minutes"), r.getLong("handling_minutes"));
                    }
                    Uni<Void> delete = tx.preparedQuery("""
                            DELETE FROM metrics_daily d USING unnest($1::date[], $2::text[], $3::text[], $4::text[])
                                AS k(day, unit, street, category)
                            WHERE d.day = k.day AND d.unit_code = k.unit AND d.street_code = k.street AND d.category = k.category""")
                            .execute(keys).replaceWithVoid();
                    return delete.chain(() -> insert(tx, "metrics_daily", "day", rollups));
                })
                .chain(() -> rebuildMonths(tx, cells));
    }

    /** Re-merges the month cells of these daily cells from all their days (so a month always equals its days). */
    private Uni<Void> rebuildMonths(SqlConnection tx, List<CellKey> cells) {
        List<CellKey> months = cells.stream().map(RollupRepository::monthOf).distinct().toList();
        Tuple keys = Tuple.of(ProjectionRepository.days(months), column(months, 1), column(months, 2), column(months, 3));
        return tx.preparedQuery("""
                SELECT k.month AS day, d.unit_code, d.street_code, d.category, d.counts, d.custody_minutes,
                    d.custody_appeals, d.response_hist, d.handling_hist
                FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) AS k(month, unit, street, category)
                JOIN metrics_daily d ON d.day >= k.month AND d.day < (k.month + interval '1 month')::date
                    AND d.unit_code = k.unit AND d.street_code = k.street AND d.category = k.category""")
                .execute(keys)
                .chain(rows -> {
                    Map<CellKey, Rollup> merged = mergeByCell(rows);
                    return tx.preparedQuery("""
                            DELETE FROM metrics_monthly m USING unnest($1::date[], $2::text[], $3::text[], $4::text[])
                                AS k(month, unit, street, category)
                            WHERE m.month = k.month AND m.unit_code = k.unit AND m.street_code = k.street
                                AND m.category = k.category""")
                            .execute(keys).chain(() -> insert(tx, "metrics_monthly", "month", merged));
                });
    }

    /**
     * Rolls up a few of the months written before monthly rollups existed, in the projector's transaction (its lock
     * keeps their days still). Returns whether any remain.
     */
    public Uni<Boolean> backfillMonths(SqlConnection tx) {
        if (monthsComplete.get()) {
            return Uni.createFrom().item(false);
        }
        return tx.preparedQuery("SELECT month FROM metrics_monthly_backfill ORDER BY month LIMIT $1")
                .execute(Tuple.of(BACKFILL_MONTHS_PER_BATCH + 1))
                .chain(rows -> {
                    List<LocalDate> months = new ArrayList<>();
                    rows.forEach(r -> months.add(r.getLocalDate("month")));
                    List<LocalDate> now = months.subList(0, Math.min(months.size(), BACKFILL_MONTHS_PER_BATCH));
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (LocalDate month : now) {
                        done = done.chain(() -> backfillMonth(tx, month));
                    }
                    return done.map(v -> months.size() > now.size());
                });
    }

    private Uni<Void> backfillMonth(SqlConnection tx, LocalDate month) {
        return tx.preparedQuery("""
                SELECT $1::date AS day, unit_code, street_code, category, counts, custody_minutes, custody_appeals,
                    response_hist, handling_hist
                FROM metrics_daily WHERE day >= $1 AND day < ($1 + interval '1 month')::date""")
                .execute(Tuple.of(month))
                .chain(rows -> {
                    Map<CellKey, Rollup> merged = mergeByCell(rows);
                    return tx.preparedQuery("DELETE FROM metrics_monthly WHERE month = $1").execute(Tuple.of(month))
                            .chain(() -> insert(tx, "metrics_monthly", "month", merged))
                            .chain(() -> tx.preparedQuery("DELETE FROM metrics_monthly_backfill WHERE month = $1")
                                    .execute(Tuple.of(month)))
                            .replaceWithVoid();
                });
    }

    /**
     * The rows covering the filter's period, in one statement: months from the monthly rows once they are complete
     * (less the days outside the period when a partial month is cheaper so), the other days from the daily rows. With
     * {@code dailyCounts}, every day's counts are read too (the daily trend), without the histograms of days that the
     * months already cover.
     */
    public Uni<Read> read(Filter filter, boolean dailyCounts) {
        return monthsComplete().chain(complete -> complete ? read(filter, RollupSpan.of(filter.from(), filter.to(),
                today()), dailyCounts) : readDaily(filter));
    }

    /** The daily rows alone, one per cell and day, as before monthly rollups (also the reference they are tested on). */
    public Uni<Read> readDaily(Filter filter) {
        return read(filter, RollupSpan.of(null, null), true);
    }

    /** Reads the period as {@code span} says (tests pin a span to check each way of reading against the days). */
    public Uni<Read> read(Filter filter, RollupSpan span, boolean dailyCounts) {
        return pool.preparedQuery(CoveringRead.SQL)
                .execute(Tuple.tuple(CoveringRead.parameters(span, filter.from(), filter.to(), dailyCounts, filter.unit(),
                        filter.street(), filter.category())))
                .map(rows -> {
                    CoveringCells covering = new CoveringCells(dailyCounts);
                    for (Row r : rows) {
                        CellKey cell = new CellKey(r.getLocalDate("day"), r.getString("unit_code"),
                                r.getString("street_code"), r.getString("category"));
                        covering.add(CoveringCells.Part.valueOf(r.getString("part")), cell, counts(r.getString("counts")),
                                r.getLong("custody_minutes"), r.getLong("custody_appeals"),
                                bytes(r.getBuffer("response_hist")), bytes(r.getBuffer("handling_hist")));
                    }
                    return new Read(covering.cells(), covering.days());
                });
    }

    /** Today in the office's zone: no day after it holds rows yet. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(sla.zone())));
    }

    private static byte[] bytes(io.vertx.mutiny.core.buffer.Buffer buffer) {
        return buffer == null ? null : buffer.getBytes();
    }

    /** Whether the monthly rows are complete (nothing left to backfill); once true, never asked again. */
    private Uni<Boolean> monthsComplete() {
        if (monthsComplete.get()) {
            return Uni.createFrom().item(true);
        }
        return pool.query("SELECT NOT EXISTS (SELECT 1 FROM metrics_monthly_backfill) AS complete").execute()
                .map(rows -> {
                    boolean complete = rows.iterator().next().getBoolean("complete");
                    if (complete) {
                        monthsComplete.set(true);
                    }
                    return complete;
                });
    }

    /** Merges stored rows by their cell key (for a month: the rows' {@code day} column is the month). */
    private static Map<CellKey, Rollup> mergeByCell(RowSet<Row> rows) {
        Map<CellKey, Rollup> merged = new LinkedHashMap<>();
        for (Row r : rows) {
            CellKey cell = new CellKey(r.getLocalDate("day"), r.getString("unit_code"), r.getString("street_code"),
                    r.getString("category"));
            merged.computeIfAbsent(cell, c -> new Rollup()).merge(Rollup.stored(counts(r.getString("counts")),
                    r.getLong("custody_minutes"), r.getLong("custody_appeals"), r.getBuffer("response_hist").getBytes(),
                    r.getBuffer("handling_hist").getBytes()));
        }
        return merged;
    }

    /** Inserts the non-empty rollups as rows of {@code table} keyed by {@code period} (day or month). */
    private static Uni<Void> insert(SqlConnection tx, String table, String period, Map<CellKey, Rollup> rollups) {
        List<Tuple> rows = new ArrayList<>();
        rollups.forEach((cell, rollup) -> {
            if (rollup.count(Count.RECEIVED) > 0) {
                rows.add(Tuple.tuple(Arrays.asList(cell.day(), cell.unit(), cell.street(), cell.category(),
                        countsJson(rollup), rollup.custodyMinutes(), rollup.custodyAppeals(),
                        Buffer.buffer(rollup.encodedResponse()), Buffer.buffer(rollup.encodedHandling()))));
            }
        });
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO " + table + " (" + period + """
                , unit_code, street_code, category, counts, custody_minutes, custody_appeals, response_hist,
                    handling_hist) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .executeBatch(rows).replaceWithVoid();
    }

    private static CellKey monthOf(CellKey cell) {
        return new CellKey(cell.day().withDayOfMonth(1), cell.unit(), cell.street(), cell.category());
    }

    private static String[] column(List<CellKey> cells, int which) {
        return cells.stream().map(c -> which == 1 ? c.unit() : which == 2 ? c.street() : c.category())
                .toArray(String[]::new);
    }

    private static String countsJson(Rollup rollup) {
        JsonObject json = new JsonObject();
        rollup.counts().forEach((count, n) -> json.put(count.name(), n));
        return json.encode();
    }

    private static Map<Count, Long> counts(String json) {
        Map<Count, Long> counts = new EnumMap<>(Count.class);
        new JsonObject(json).forEach(e -> {
            try {
                counts.put(Count.valueOf(e.getKey()), ((Number) e.getValue()).longValue());
            } catch (IllegalArgumentException unknown) {
                // a count dropped from the code: ignore it until the next rebuild
            }
        });
        return counts;
    }
}
