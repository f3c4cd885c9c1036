package cn.huiyin.routing.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.routing.domain.CatalogueLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The catalogue's history (catalogue_version) and the line in force (dispatch_category). */
@ApplicationScoped
public class CatalogueVersionRepository {

    public record Version(long id, String category, String name, String unitRule, Integer urgentHours, String keywords,
            Instant effectiveFrom, String changedBy, Instant changedAt, String reason, Instant appliedAt) {
    }

    @Inject
    Pool pool;

    public Uni<Version> add(CatalogueLine line, String changedBy, Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                INSERT INTO catalogue_version (category, name, unit_rule, urgent_hours, keywords, effective_from, changed_by,
                    changed_at, reason)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *""")
                .execute(Tuple.tuple(Arrays.asList(line.category(), line.name().strip(), line.unitRule(), line.urgentHours(),
                        line.keywords() == null ? "" : line.keywords().strip(), utc(line.effectiveFrom()), changedBy, utc(now),
                        line.reason().strip())))
                .map(rows -> versions(rows).get(0))
                // in force at once when its time has come; read back, with the mark
                .call(version -> applyDue(tx, now))
                .chain(version -> tx.preparedQuery("SELECT * FROM catalogue_version WHERE id = $1").execute(Tuple.of(version.id())))
                .map(rows -> versions(rows).get(0)));
    }

    /** Makes every version whose time has come the line in force, oldest first. Returns how many. */
    public Uni<Integer> applyDue(Instant now) {
        return pool.withTransaction(tx -> applyDue(tx, now));
    }

    private Uni<Integer> applyDue(SqlClient tx, Instant now) {
        return tx.preparedQuery("""
                WITH due AS (
                    SELECT * FROM catalogue_version WHERE applied_at IS NULL AND effective_from <= $1
                    ORDER BY effective_from, id FOR UPDATE SKIP LOCKED),
                latest AS (
                    SELECT DISTINCT ON (category) * FROM due ORDER BY category, effective_from DESC, id DESC),
                upserted AS (
                    INSERT INTO dispatch_category (code, name, unit_rule, urgent_hours, keywords, position)
                    SELECT l.category, l.name, l.unit_rule, l.urgent_hours, l.keywords,
                        (SELECT coalesce(max(position), 0) + 1 FROM dispatch_category)
                    FROM latest l
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, unit_rule = EXCLUDED.unit_rule,
                        urgent_hours = EXCLUDED.urgent_hours, keywords = EXCLUDED.keywords)
                UPDATE catalogue_version v SET applied_at = $1 FROM due WHERE v.id = due.id RETURNING v.id""")
                .execute(Tuple.of(utc(now))).map(RowSet::rowCount);
    }

    public Uni<List<Version>> history(String category) {
        return pool.preparedQuery("SELECT * FROM catalogue_version WHERE category = $1 ORDER BY id")
                .execute(Tuple.of(category)).map(CatalogueVersionRepository::versions);
    }

    public Uni<List<Version>> pending() {
        return pool.query("SELECT * FROM catalogue_version WHERE applied_at IS NULL ORDER BY effective_from, id").execute()
                .map(CatalogueVersionRepository::versions);
    }

    /** A line of the catalogue in force, with its keywords (the routing rules leave them out). */
    public record Line(String category, String name, String unitRule, Integer urgentHours, String keywords) {
    }

    /** The lines in force, in the catalogue's order. */
    public Uni<List<Line>> lines() {
        return pool.query("SELECT code, name, unit_rule, urgent_hours, keywords FROM dispatch_category ORDER BY position, code").execute()
                .map(rows -> {
                    List<Line> lines = new ArrayList<>();
                    for (Row r : rows) {
                        lines.add(new Line(r.getString("code"), r.getString("name"), r.getString("unit_rule"),
                                r.getInteger("urgent_hours"), r.getString("keywords")));
                    }
                    return lines;
                });
    }

    private static List<Version> versions(RowSet<Row> rows) {
        List<Version> versions = new ArrayList<>();
        for (Row r : rows) {
            versions.add(new Version(r.getLong("id"), r.getString("category"), r.getString("name"), r.getString("unit_rule"),
                    r.getInteger("urgent_hours"), r.getString("keywords"), instant(r.getOffsetDateTime("effective_from")),
                    r.getString("changed_by"), instant(r.getOffsetDateTime("changed_at")), r.getString("reason"),
                    instant(r.getOffsetDateTime("applied_at"))));
        }
        return versions;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
