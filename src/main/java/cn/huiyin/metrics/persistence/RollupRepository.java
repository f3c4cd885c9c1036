package cn.huiyin.metrics.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.metrics.domain.CellKey;
import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.Rollup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The daily rollups: rebuilt cell by cell from the facts, read and merged for any period. */
@ApplicationScoped
public class RollupRepository {

    /** Which rollups to read: days received in [from, to], and optional unit, street, category (null: any). */
    public record Filter(LocalDate from, LocalDate to, String unit, String street, String category) {
    }

    @Inject
    Pool pool;

    /** Recomputes the cells from their facts, in the projector's transaction; a cell left empty is deleted. */
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
                    List<Tuple> upserts = new ArrayList<>();
                    rollups.forEach((cell, rollup) -> {
                        if (rollup.count(Count.RECEIVED) > 0) {
                            upserts.add(Tuple.tuple(Arrays.asList(cell.day(), cell.unit(), cell.street(), cell.category(),
                                    countsJson(rollup), rollup.custodyMinutes(), rollup.custodyAppeals(),
                                    Buffer.buffer(rollup.encodedResponse()), Buffer.buffer(rollup.encodedHandling()))));
                        }
                    });
                    Uni<Void> delete = tx.preparedQuery("""
                            DELETE FROM metrics_daily d USING unnest($1::date[], $2::text[], $3::text[], $4::text[])
                                AS k(day, unit, street, category)
                            WHERE d.day = k.day AND d.unit_code = k.unit AND d.street_code = k.street AND d.category = k.category""")
                            .execute(keys).replaceWithVoid();
                    return upserts.isEmpty() ? delete : delete.chain(() -> tx.preparedQuery("""
                            INSERT INTO metrics_daily (day, unit_code, street_code, category, counts, custody_minutes,
                                custody_appeals, response_hist, handling_hist) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                            .executeBatch(upserts).replaceWithVoid());
                });
    }

    /** The rollup rows in the filter, each with its cell. */
    public Uni<Map<CellKey, Rollup>> read(Filter filter) {
        return pool.preparedQuery("""
                SELECT day, unit_code, street_code, category, counts, custody_minutes, custody_appeals, response_hist,
                    handling_hist
                FROM metrics_daily
                WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR unit_code = $3) AND ($4::text IS NULL OR street_code = $4)
                    AND ($5::text IS NULL OR category = $5)""")
                .execute(Tuple.tuple(Arrays.asList(filter.from(), filter.to(), filter.unit(), filter.street(),
                        filter.category())))
                .map(rows -> {
                    Map<CellKey, Rollup> cells = new HashMap<>();
                    for (Row r : rows) {
                        cells.put(new CellKey(r.getLocalDate("day"), r.getString("unit_code"), r.getString("street_code"),
                                r.getString("category")), Rollup.stored(counts(r.getString("counts")),
                                        r.getLong("custody_minutes"), r.getLong("custody_appeals"),
                                        r.getBuffer("response_hist").getBytes(), r.getBuffer("handling_hist").getBytes()));
                    }
                    return cells;
                });
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
