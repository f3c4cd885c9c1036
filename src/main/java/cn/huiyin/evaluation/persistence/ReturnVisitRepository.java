package cn.huiyin.evaluation.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.evaluation.domain.VisitFinding;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Return visits (回访) and the district centre's queue of rounds to call back. */
@ApplicationScoped
public class ReturnVisitRepository {

    /**
     * A round to call back: why, whom, and by when (the FEEDBACK clock's due time, if it runs); which unit
     * answered and the answer the round rates, so that the caller can talk about it.
     */
    public record Due(String trackingNo, int round, String reason, String title, String enterpriseName,
            String contactName, String mobile, Integer ratedLevel, Boolean ratedResolved, boolean defaulted,
            Instant requestedAt, Instant dueAt, String unit, String unitName, String answer) {
    }

    @Inject
    Pool pool;

    /** Stores the round's visit; false when it was recorded already (one visit per round). */
    public Uni<Boolean> insert(SqlClient tx, long appealId, int round, VisitFinding finding, boolean overturned,
            String visitedBy, Instant at) {
        return tx.preparedQuery("""
                INSERT INTO return_visit (appeal_id, round, reached, resolved, level, note, overturned, visited_by, visited_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING""")
                .execute(Tuple.tuple(Arrays.asList(appealId, round, finding.reached(), finding.resolved(),
                        finding.level() == null ? null : (short) finding.level().level(), finding.note(), overturned,
                        visitedBy, EvaluationRepository.utc(at))))
                .map(inserted -> inserted.rowCount() == 1);
    }

    public Uni<Void> flagUnresolvedClosure(SqlClient tx, long appealId, int round) {
        return tx.preparedQuery("UPDATE evaluation_round SET unresolved_closure = true WHERE appeal_id = $1 AND round = $2")
                .execute(Tuple.of(appealId, round)).replaceWithVoid();
    }

    /** Rounds with a visit due and none recorded, the nearest return-visit deadline first. */
    public Uni<List<Due>> queue(int limit) {
        return pool.preparedQuery("""
                SELECT a.tracking_no, r.round, r.visit_reason, a.title, a.enterprise_name, a.contact_name, a.mobile,
                    g.level, g.resolved, coalesce(g.defaulted, false) AS defaulted, r.requested_at, c.due_at,
                    a.handling_unit, u.name AS unit_name, e.payload::jsonb ->> 'answer' AS answer
                FROM evaluation_round r
                JOIN appeal a ON a.id = r.appeal_id
                LEFT JOIN handling_unit u ON u.code = a.handling_unit
                LEFT JOIN LATERAL (SELECT payload FROM appeal_event
                                   WHERE appeal_id = a.id AND type = 'REPLIED' AND occurred_at <= r.requested_at
                                   ORDER BY seq DESC LIMIT 1) e ON true
                LEFT JOIN rating g ON g.appeal_id = r.appeal_id AND g.round = r.round
                LEFT JOIN appeal_clock c ON c.appeal_id = r.appeal_id AND c.clock = 'FEEDBACK' AND c.round = r.round
                WHERE r.visit_reason IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM return_visit v WHERE v.appeal_id = r.appeal_id AND v.round = r.round)
                ORDER BY c.due_at NULLS LAST, r.requested_at LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    for (Row r : rows) {
                        Short level = r.getShort("level");
                        due.add(new Due(r.getString("tracking_no"), r.getInteger("round"), r.getString("visit_reason"),
                                r.getString("title"), r.getString("enterprise_name"), r.getString("contact_name"),
                                r.getString("mobile"), level == null ? null : level.intValue(), r.getBoolean("resolved"),
                                r.getBoolean("defaulted"), instant(r.getOffsetDateTime("requested_at")),
                                instant(r.getOffsetDateTime("due_at")), r.getString("handling_unit"),
                                r.getString("unit_name"), r.getString("answer")));
                    }
                    return due;
                });
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
