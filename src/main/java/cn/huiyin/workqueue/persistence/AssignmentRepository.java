package cn.huiyin.workqueue.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The queries behind automatic assignment: the unit's lock, the candidate, the appeal still waiting for one. */
@ApplicationScoped
public class AssignmentRepository {

    /** The commissioner the rules pick and why ({@code KEY_ENTERPRISE}, {@code BACKUP} or {@code LEAST_LOADED}). */
    public record Candidate(String username, String basis) {
    }

    /** A dispatched appeal nobody was ever assigned, locked for its first assignment. */
    public record Waiting(String handlingUnit, String trackingNo, String status) {
    }

    private static final String PICK = """
            WITH target AS (
                SELECT a.handling_unit, k.commissioner AS named, k.backup
                FROM appeal a
                LEFT JOIN enterprise e ON e.uscc = a.uscc AND e.key_enterprise
                LEFT JOIN key_enterprise_commissioner k ON k.uscc = e.uscc AND k.unit_code = a.handling_unit
                WHERE a.id = $1)
            SELECT s.username,
                CASE WHEN s.username = t.named THEN 'KEY_ENTERPRISE' WHEN s.username = t.backup THEN 'BACKUP'
                     ELSE 'LEAST_LOADED' END AS basis
            FROM target t
            JOIN staff_member s ON s.unit_code = t.handling_unit AND s.role = 'commissioner' AND s.on_duty
            ORDER BY CASE WHEN s.username = t.named THEN 0 WHEN s.username = t.backup THEN 1 ELSE 2 END,
                (SELECT count(*) FROM appeal o WHERE o.assignee = s.username
                    AND o.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')),
                s.username
            LIMIT 1""";

    /**
     * One assignment at a time per unit (a transaction-scoped advisory lock on the appeal's unit), so two at once
     * cannot both pick the same least-loaded commissioner.
     */
    public Uni<Void> lockUnitOf(SqlConnection tx, long appealId) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('huiyin-assign:' || handling_unit)) FROM appeal WHERE id = $1")
                .execute(Tuple.of(appealId)).replaceWithVoid();
    }

    /** Key enterprise's named commissioner on duty, else the backup, else the on-duty one with the least open work. */
    public Uni<Optional<Candidate>> pick(SqlConnection tx, long appealId) {
        return tx.preparedQuery(PICK).execute(Tuple.of(appealId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Candidate(row.getString("username"), row.getString("basis")));
        });
    }

    /** Empty when the appeal is no longer dispatched or was assigned before (a repeated request changes nothing). */
    public Uni<Optional<Waiting>> lockIfNeverAssigned(SqlConnection tx, long appealId) {
        return tx.preparedQuery("SELECT handling_unit, tracking_no, status FROM appeal "
                + "WHERE id = $1 AND status = 'DISPATCHED' AND assigned_at IS NULL AND assignee IS NULL FOR UPDATE")
                .execute(Tuple.of(appealId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Waiting(row.getString("handling_unit"), row.getString("tracking_no"),
                            row.getString("status")));
                });
    }
}
