package cn.huiyin.risk.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The breach risks (this capability's table) and what the risk job reads to compute them: appeals and their handling
 * clocks, read only from the appeal and SLA tables, as the supervision desk does, because neither capability offers a
 * bulk read of them.
 */
@ApplicationScoped
public class RiskRepository {

    /** A running handling clock of an appeal still waiting for its answer. */
    public record OpenClock(long appealId, String unit, Instant startedAt, Instant dueAt) {
    }

    /** A handling clock stopped by the appeal's answer. */
    public record StoppedClock(String unit, Instant startedAt, Instant dueAt, Instant stoppedAt) {
    }

    /** One computed risk; stored to three decimals, as shown and as the work queue's keyset passes it back. */
    public record Risk(long appealId, String unit, double missProbability, Instant handleDueAt) {
    }

    /** A stored risk with the appeal it belongs to. */
    public record RiskRow(long appealId, String trackingNo, String title, String status, String unit, String unitName,
            String holder, double missProbability, Instant handleDueAt, Instant computedAt) {
    }

    /** The risks computed at $5, one row per appeal; the holder's copy is left to {@link #HOLDER_COPIES}. */
    private static final String WRITE_RISKS = """
            INSERT INTO appeal_risk (appeal_id, unit_code, miss_probability, handle_due_at, computed_at)
            SELECT * , $5::timestamptz FROM unnest($1::bigint[], $2::varchar[], $3::float8[], $4::timestamptz[])
            ON CONFLICT (appeal_id) DO UPDATE SET unit_code = excluded.unit_code,
                miss_probability = excluded.miss_probability, handle_due_at = excluded.handle_due_at,
                computed_at = excluded.computed_at""";

    /** The risks of appeals no longer open: those the refresh at $1 did not write. */
    private static final String FORGET_CLOSED = "DELETE FROM appeal_risk WHERE computed_at <> $1";

    /**
     * The helper rows' copy of their appeal's risk, for the unit that handles it (a risk of another unit does not
     * count): only the rows whose copy changes, among the open ones and those still holding a copy. A row that a
     * step holds locked keeps its copy until the next refresh rather than making the refresh wait for the step.
     */
    private static final String HELPER_COPIES = """
            UPDATE appeal_helper_unit h SET breach_risk = c.risk
            FROM (SELECT h.appeal_id, h.unit_code, r.miss_probability AS risk
                  FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id
                  LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
                  WHERE (h.appeal_open OR h.breach_risk IS NOT NULL) AND h.breach_risk IS DISTINCT FROM r.miss_probability
                  FOR UPDATE OF h SKIP LOCKED) c
            WHERE h.appeal_id = c.appeal_id AND h.unit_code = c.unit_code""";

    /**
     * The risk rows' copy of their appeal's holder (V24), which the work-queue page's riskiest-first lists read by,
     * taken for the rows this refresh inserted and brought in step for the rest, as the refresh's last write: an
     * assignment that committed after a row was written here left that row to this transaction (V25), which holds it.
     * Between refreshes the appeal's own trigger keeps the copies in step.
     */
    private static final String HOLDER_COPIES = """
            UPDATE appeal_risk r SET assignee = a.assignee, claim_expires_at = a.claim_expires_at FROM appeal a
            WHERE a.id = r.appeal_id
              AND (r.assignee IS DISTINCT FROM a.assignee OR r.claim_expires_at IS DISTINCT FROM a.claim_expires_at)""";

    /** Transaction-scoped, so a replica that dies mid-way frees it; one number shared by every replica. */
    private static final long REFRESH_LOCK = 0x6875_6979_7269_736BL; // "huiyrisk"

    @Inject
    Pool pool;

    /** Whether this transaction may refresh now; false when another replica is refreshing. */
    public Uni<Boolean> tryRefreshLock(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked").execute(Tuple.of(REFRESH_LOCK))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    public Uni<List<OpenClock>> openClocks(SqlClient tx, String[] waitingStatuses) {
        return tx.preparedQuery("""
                SELECT a.id, a.handling_unit, c.started_at, c.due_at
                FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                WHERE c.clock = 'HANDLE' AND c.stopped_at IS NULL
                  AND a.status = ANY($1) AND a.handling_unit IS NOT NULL""")
                .execute(Tuple.of(waitingStatuses))
                .map(rows -> {
                    List<OpenClock> open = new ArrayList<>();
                    for (Row r : rows) {
                        open.add(new OpenClock(r.getLong("id"), r.getString("handling_unit"), instant(r, "started_at"),
                                instant(r, "due_at")));
                    }
                    return open;
                });
    }

    /**
     * The handling clocks started since {@code since} and stopped by the answer, at most {@code perUnit} of the latest
     * started per unit. Taken by start, not by answer, so that with the open ones they form one cohort whose slow
     * members are not left out.
     */
    public Uni<List<StoppedClock>> answeredStartedSince(SqlClient tx, Instant since, int perUnit) {
        return tx.preparedQuery("""
                SELECT unit, started_at, due_at, stopped_at FROM (
                    SELECT a.handling_unit AS unit, c.started_at, c.due_at, c.stopped_at,
                        row_number() OVER (PARTITION BY a.handling_unit ORDER BY c.started_at DESC) AS nth
                    FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                    WHERE c.clock = 'HANDLE' AND c.stopped_at IS NOT NULL AND c.started_at >= $1
                      AND a.handling_unit IS NOT NULL) s
                WHERE nth <= $2""")
                .execute(Tuple.of(utc(since), perUnit))
                .map(rows -> {
                    List<StoppedClock> stopped = new ArrayList<>();
                    for (Row r : rows) {
                        stopped.add(new StoppedClock(r.getString("unit"), instant(r, "started_at"), instant(r, "due_at"),
                                instant(r, "stopped_at")));
                    }
                    return stopped;
                });
    }

    /**
     * Writes the risks computed at {@code at}, removes those of appeals no longer open, and brings the helper rows'
     * copies (协办, read by the work queue riskiest first) in step, in the same transaction. The copies of the appeals'
     * holders are taken last, so that they include every assignment that committed while the risks were written.
     */
    public Uni<Void> replaceAll(SqlClient tx, List<Risk> risks, Instant at) {
        Long[] ids = new Long[risks.size()];
        String[] units = new String[risks.size()];
        Double[] probabilities = new Double[risks.size()];
        OffsetDateTime[] dues = new OffsetDateTime[risks.size()];
        for (int i = 0; i < risks.size(); i++) {
            Risk r = risks.get(i);
            ids[i] = r.appealId();
            units[i] = r.unit();
            probabilities[i] = r.missProbability();
            dues[i] = utc(r.handleDueAt());
        }
        return tx.preparedQuery(WRITE_RISKS).execute(Tuple.of(ids, units, probabilities, dues, utc(at)))
                .chain(() -> tx.preparedQuery(FORGET_CLOSED).execute(Tuple.of(utc(at))))
                .chain(() -> tx.query(HOLDER_COPIES).execute())
                .chain(() -> tx.query(HELPER_COPIES).execute())
                .replaceWithVoid();
    }

    /** The risks of these appeals (those without a running handling clock have none). */
    public Uni<List<Risk>> of(Long[] appealIds) {
        return pool.preparedQuery("SELECT appeal_id, unit_code, miss_probability, handle_due_at FROM appeal_risk "
                + "WHERE appeal_id = ANY($1)")
                .execute(Tuple.of(appealIds))
                .map(rows -> {
                    List<Risk> risks = new ArrayList<>();
                    for (Row r : rows) {
                        risks.add(new Risk(r.getLong("appeal_id"), r.getString("unit_code"),
                                r.getDouble("miss_probability"), instant(r, "handle_due_at")));
                    }
                    return risks;
                });
    }

    /**
     * Appeals whose handling deadline is still ahead of {@code now} and whose risk is at least {@code atLeast},
     * riskiest first; of one unit, or of all when {@code unit} is null.
     */
    public Uni<List<RiskRow>> expectedLate(String unit, double atLeast, Instant now, int limit) {
        return pool.preparedQuery("""
                SELECT r.appeal_id, a.tracking_no, a.title, a.status, r.unit_code, u.name AS unit_name, a.assignee,
                    r.miss_probability, r.handle_due_at, r.computed_at
                FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
                LEFT JOIN handling_unit u ON u.code = r.unit_code
                WHERE r.miss_probability >= $1::float8 AND r.handle_due_at > $2 AND ($3::varchar IS NULL OR r.unit_code = $3)
                ORDER BY r.miss_probability DESC, r.handle_due_at, r.appeal_id
                LIMIT $4""")
                .execute(Tuple.of(atLeast, utc(now), unit, limit))
                .map(RiskRepository::riskRows);
    }

    /** How many appeals of each unit are expected late (risk at least {@code atLeast}, deadline still ahead). */
    public Uni<List<UnitCount>> expectedLateByUnit(double atLeast, Instant now) {
        return pool.preparedQuery("""
                SELECT unit_code, count(*) AS n FROM appeal_risk
                WHERE miss_probability >= $1::float8 AND handle_due_at > $2 GROUP BY unit_code ORDER BY n DESC, unit_code""")
                .execute(Tuple.of(atLeast, utc(now)))
                .map(rows -> {
                    List<UnitCount> counts = new ArrayList<>();
                    for (Row r : rows) {
                        counts.add(new UnitCount(r.getString("unit_code"), r.getLong("n")));
                    }
                    return counts;
                });
    }

    public record UnitCount(String unit, long expectedLate) {
    }

    private static List<RiskRow> riskRows(RowSet<Row> rows) {
        List<RiskRow> list = new ArrayList<>();
        for (Row r : rows) {
            list.add(new RiskRow(r.getLong("appeal_id"), r.getString("tracking_no"), r.getString("title"),
                    r.getString("status"), r.getString("unit_code"), r.getString("unit_name"), r.getString("assignee"),
                    r.getDouble("miss_probability"), instant(r, "handle_due_at"), instant(r, "computed_at")));
        }
        return list;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
