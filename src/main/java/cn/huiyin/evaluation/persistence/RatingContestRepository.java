package cn.huiyin.evaluation.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rating appeals (申诉复核): one per round, decided once. */
@ApplicationScoped
public class RatingContestRepository {

    /** A contest waiting for the district's decision, with the rating it is about. */
    public record OpenContest(String trackingNo, int round, String title, String unit, String unitName,
            int ratedLevel, boolean ratedResolved, String ratingComment, String reason, String contestedBy,
            Instant contestedAt) {
    }

    /** A bad rating of the unit's appeal that has not been contested yet. */
    public record Contestable(String trackingNo, int round, String title, int ratedLevel, boolean ratedResolved,
            boolean defaulted, String ratingComment, Instant ratedAt) {
    }

    @Inject
    Pool pool;

    /** Open contests, oldest first. */
    public Uni<List<OpenContest>> open(int limit) {
        return pool.preparedQuery("""
                SELECT a.tracking_no, k.round, a.title, k.unit_code, u.name AS unit_name, g.level, g.resolved,
                    g.comment, k.reason, k.contested_by, k.contested_at
                FROM rating_contest k
                JOIN appeal a ON a.id = k.appeal_id
                JOIN rating g ON g.appeal_id = k.appeal_id AND g.round = k.round
                LEFT JOIN handling_unit u ON u.code = k.unit_code
                WHERE k.decided_at IS NULL
                ORDER BY k.contested_at, a.tracking_no, k.round LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<OpenContest> open = new ArrayList<>();
                    for (Row r : rows) {
                        open.add(new OpenContest(r.getString("tracking_no"), r.getInteger("round"), r.getString("title"),
                                r.getString("unit_code"), r.getString("unit_name"), r.getShort("level"),
                                r.getBoolean("resolved"), r.getString("comment"), r.getString("reason"),
                                r.getString("contested_by"), r.getOffsetDateTime("contested_at").toInstant()));
                    }
                    return open;
                });
    }

    /** The bad ratings of appeals the unit handles that no contest was filed against, newest first. */
    public Uni<List<Contestable>> contestable(String unit, int limit) {
        return pool.preparedQuery("""
                SELECT a.tracking_no, g.round, a.title, g.level, g.resolved, g.defaulted, g.comment, g.rated_at
                FROM rating g
                JOIN appeal a ON a.id = g.appeal_id
                WHERE a.handling_unit = $1 AND NOT g.good
                  AND NOT EXISTS (SELECT 1 FROM rating_contest k WHERE k.appeal_id = g.appeal_id AND k.round = g.round)
                ORDER BY g.rated_at DESC, a.tracking_no, g.round LIMIT $2""")
                .execute(Tuple.of(unit, limit))
                .map(rows -> {
                    List<Contestable> bad = new ArrayList<>();
                    for (Row r : rows) {
                        bad.add(new Contestable(r.getString("tracking_no"), r.getInteger("round"), r.getString("title"),
                                r.getShort("level"), r.getBoolean("resolved"), r.getBoolean("defaulted"),
                                r.getString("comment"), r.getOffsetDateTime("rated_at").toInstant()));
                    }
                    return bad;
                });
    }

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
