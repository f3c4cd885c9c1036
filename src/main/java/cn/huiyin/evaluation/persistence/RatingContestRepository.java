package cn.huiyin.evaluation.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rating appeals (申诉复核): one per round, decided once. */
@ApplicationScoped
public class RatingContestRepository {

    /** false when the round was contested already. */
    public Uni<Boolean> contest(SqlClient tx, long appealId, int round, String unit, String reason, String by, Instant at) {
        return tx.preparedQuery("""
                INSERT INTO rating_contest (appeal_id, round, unit_code, reason, contested_by, contested_at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(appealId, round, unit, reason, by, EvaluationRepository.utc(at)))
                .map(inserted -> inserted.rowCount() == 1);
    }

    /** Decides an open contest; false when there is none (never contested, or decided already). */
    public Uni<Boolean> decide(SqlClient tx, long appealId, int round, boolean upheld, String reason, String by,
            Instant at) {
        return tx.preparedQuery("""
                UPDATE rating_contest SET upheld = $3, decision_reason = $4, decided_by = $5, decided_at = $6
                WHERE appeal_id = $1 AND round = $2 AND decided_at IS NULL""")
                .execute(Tuple.of(appealId, round, upheld, reason, by, EvaluationRepository.utc(at)))
                .map(updated -> updated.rowCount() == 1);
    }

    /** An upheld contest takes the rating out of the satisfaction figures (it stays on record). */
    public Uni<Void> excludeFromMetrics(SqlClient tx, long appealId, int round) {
        return tx.preparedQuery("UPDATE rating SET excluded_from_metrics = true WHERE appeal_id = $1 AND round = $2")
                .execute(Tuple.of(appealId, round)).replaceWithVoid();
    }
}
