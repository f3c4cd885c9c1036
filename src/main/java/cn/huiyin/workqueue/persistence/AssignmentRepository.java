package cn.huiyin.workqueue.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiyin.workqueue.domain.FirstAssignments;
import cn.huiyin.workqueue.domain.FirstAssignments.OnDuty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The queries behind automatic assignment: the units' locks, the candidates, the appeals still waiting for one. */
@ApplicationScoped
public class AssignmentRepository {

    /** The commissioner the rules pick and why ({@code KEY_ENTERPRISE}, {@code BACKUP} or {@code LEAST_LOADED}). */
    public record Candidate(String username, String basis) {
    }

    /** A dispatched appeal nobody was ever assigned, locked for its first assignment. */
    public record Waiting(long appealId, String handlingUnit, String trackingNo, String status) {
    }

    /** What the rule reads: the appeals with their named commissioners, and who is on duty in their units. */
    public record Candidates(List<FirstAssignments.Waiting> appeals, List<OnDuty> onDuty) {
    }

    /**
     * Per appeal its unit and key enterprise's named commissioner and backup; per on-duty commissioner of those units
     * (by name, the rule's tie-break) the open work counted once (an index range on the holder).
     */
    private static final String CANDIDATES = """
            WITH target AS MATERIALIZED (
                SELECT a.id, a.handling_unit, k.commissioner AS named, k.backup
                FROM appeal a
                LEFT JOIN enterprise e ON e.uscc = a.uscc AND e.key_enterprise
                LEFT JOIN key_enterprise_commissioner k ON k.uscc = e.uscc AND k.unit_code = a.handling_unit
                WHERE a.id = ANY($1)),
            on_duty AS MATERIALIZED (
                SELECT s.username, s.unit_code,
                    (SELECT count(*) FROM appeal o WHERE o.assignee = s.username
                        AND o.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')) AS open_work
                FROM staff_member s
                WHERE s.role = 'commissioner' AND s.on_duty AND s.unit_code IN (SELECT handling_unit FROM target))
            SELECT t.id, t.handling_unit, t.named, t.backup, NULL AS username, NULL::bigint AS open_work FROM target t
            UNION ALL
            SELECT NULL, d.unit_code, NULL, NULL, d.username, d.open_work FROM on_duty d
            ORDER BY username NULLS FIRST""";

    /**
     * One assignment at a time per unit (a transaction-scoped advisory lock on the appeal's unit), so two at once
     * cannot both pick the same least-loaded commissioner.
     */
    public Uni<Void> lockUnitOf(SqlConnection tx, long appealId) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('huiyin-assign:' || handling_unit)) FROM appeal WHERE id = $1")
                .execute(Tuple.of(appealId)).replaceWithVoid();
    }

    /**
     * The same lock for several units at once, taken in name order so that two batches wanting the same units queue
     * instead of deadlocking.
     */
    public Uni<Void> lockUnits(SqlConnection tx, Collection<String> units) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('huiyin-assign:' || unit)) "
                + "FROM (SELECT DISTINCT unit FROM unnest($1::text[]) AS unit ORDER BY unit OFFSET 0) AS units")
                .execute(Tuple.of(units.toArray(String[]::new))).replaceWithVoid();
    }

    /** Key enterprise's named commissioner on duty, else the backup, else the on-duty one with the least open work. */
    public Uni<Optional<Candidate>> pick(SqlConnection tx, long appealId) {
        return candidates(tx, List.of(appealId))
                .map(read -> FirstAssignments.choose(read.appeals(), read.onDuty()).stream().findFirst()
                        .map(choice -> new Candidate(choice.username(), choice.basis())));
    }

    /** What {@link FirstAssignments#choose} needs for these appeals; read under their units' locks. */
    public Uni<Candidates> candidates(SqlConnection tx, Collection<Long> appealIds) {
        return tx.preparedQuery(CANDIDATES).execute(Tuple.of(appealIds.toArray(Long[]::new))).map(rows -> {
            List<FirstAssignments.Waiting> appeals = new ArrayList<>();
            List<OnDuty> onDuty = new ArrayList<>();
            for (Row row : rows) {
                if (row.getString("username") == null) {
                    appeals.add(new FirstAssignments.Waiting(row.getLong("id"), row.getString("handling_unit"),
                            row.getString("named"), row.getString("backup")));
                } else {
                    onDuty.add(new OnDuty(row.getString("username"), row.getString("handling_unit"), row.getLong("open_work")));
                }
            }
            return new Candidates(appeals, onDuty);
        });
    }

    /**
     * Those of the appeals still dispatched and never assigned, locked in id order (as every writer of several
     * appeals locks them); a repeated delivery finds its appeal gone from the answer.
     */
    public Uni<List<Waiting>> lockIfNeverAssigned(SqlConnection tx, Collection<Long> appealIds) {
        return tx.preparedQuery("SELECT id, handling_unit, tracking_no, status FROM appeal WHERE id = ANY($1) "
                + "AND status = 'DISPATCHED' AND assigned_at IS NULL AND assignee IS NULL ORDER BY id FOR UPDATE")
                .execute(Tuple.of(appealIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<Waiting> waiting = new ArrayList<>();
                    for (Row row : rows) {
                        waiting.add(new Waiting(row.getLong("id"), row.getString("handling_unit"), row.getString("tracking_no"),
                                row.getString("status")));
                    }
                    return waiting;
                });
    }
}
