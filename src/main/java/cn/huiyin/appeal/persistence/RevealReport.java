package cn.huiyin.appeal.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the audit of personal data shown in full ({@code personal_data_reveal}) for the audit report. */
@ApplicationScoped
public class RevealReport {

    /**
     * One reveal: which field of which appeal, to whom ({@code <role>:<username>} as recorded, with the staff
     * member's name and unit when they are still known), why and when. Never the value itself.
     */
    public record Reveal(long id, String trackingNo, String handlingUnit, String handlingUnitName, String field,
            String revealedTo, String revealedToName, String revealedToUnit, String purpose, Instant revealedAt) {
    }

    @Inject
    Pool pool;

    /** Reveals in [from, until), newest first, at most {@code limit}; {@code unit} the appeal's handling unit, or null for all. */
    public Uni<List<Reveal>> between(Instant from, Instant until, String unit, int limit) {
        return pool.preparedQuery("""
                SELECT r.id, a.tracking_no, a.handling_unit, u.name AS unit_name, r.field, r.revealed_to, s.display_name,
                    s.unit_code, r.purpose, r.revealed_at
                FROM personal_data_reveal r
                JOIN appeal a ON a.id = r.appeal_id
                LEFT JOIN handling_unit u ON u.code = a.handling_unit
                LEFT JOIN staff_member s ON s.username = split_part(r.revealed_to, ':', 2)
                WHERE r.revealed_at >= $1 AND r.revealed_at < $2 AND ($3::varchar IS NULL OR a.handling_unit = $3)
                ORDER BY r.revealed_at DESC, r.id DESC LIMIT $4""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC), unit, limit))
                .map(rows -> {
                    List<Reveal> reveals = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        reveals.add(new Reveal(row.getLong("id"), row.getString("tracking_no").strip(), row.getString("handling_unit"),
                                row.getString("unit_name"), row.getString("field"), row.getString("revealed_to"),
                                row.getString("display_name"), row.getString("unit_code"), row.getString("purpose"),
                                row.getOffsetDateTime("revealed_at").toInstant()));
                    }
                    return reveals;
                });
    }

    /** The handling units by code, in code order, for the report's filter. */
    public Uni<Map<String, String>> units() {
        return pool.query("SELECT code, name FROM handling_unit ORDER BY code").execute().map(rows -> {
            Map<String, String> units = new LinkedHashMap<>();
            for (Row row : rows) {
                units.put(row.getString("code"), row.getString("name"));
            }
            return units;
        });
    }
}
