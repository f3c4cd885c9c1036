package cn.huiyin.evaluation.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.domain.Satisfaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The appeal row as evaluation needs it, its rounds and their ratings, in the caller's transaction. */
@ApplicationScoped
public class EvaluationRepository {

    /** An appeal locked for an evaluation step; {@code replyTo} and {@code uscc} say who may rate it. */
    public record Appeal(long id, String trackingNo, String status, String handlingUnit, String channel,
            String appealType, String category, boolean urgent, String uscc, String replyTo, String assignee,
            Instant claimExpiresAt) {

        /** The appeal as its rules see it. */
        public cn.huiyin.appeal.domain.Appeal aggregate() {
            return new cn.huiyin.appeal.domain.Appeal(id, trackingNo, AppealStatus.valueOf(status), handlingUnit, assignee,
                    claimExpiresAt);
        }
    }

    /** One evaluation round; {@code visitReason} is null while no return visit is due. */
    public record Round(int round, Instant requestedAt, Instant linkExpiresAt, String visitReason) {
    }

    /** Where to ask the appellant: its channel's address (WeChat "account/openid") and mobile number. */
    public record Contact(String replyTo, String mobile) {
    }

    @Inject
    Pool pool;

    public Uni<Optional<Contact>> contact(long appealId) {
        return pool.preparedQuery("SELECT reply_to, mobile FROM appeal WHERE id = $1").execute(Tuple.of(appealId))
                .map(rows -> first(rows).map(r -> new Contact(r.getString("reply_to"), r.getString("mobile"))));
    }

    private static final String APPEAL = "SELECT id, tracking_no, status, handling_unit, channel, appeal_type, category, "
            + "urgent, uscc, reply_to, assignee, claim_expires_at FROM appeal ";

    public Uni<Optional<Appeal>> lock(SqlClient tx, String trackingNo) {
        return tx.preparedQuery(APPEAL + "WHERE tracking_no = $1 FOR UPDATE").execute(Tuple.of(trackingNo))
                .map(EvaluationRepository::appeal);
    }

    /** Locks the appeal unless another transaction holds it (then empty: the caller comes back later). */
    public Uni<Optional<Appeal>> lockIfFree(SqlClient tx, long appealId) {
        return tx.preparedQuery(APPEAL + "WHERE id = $1 FOR UPDATE SKIP LOCKED").execute(Tuple.of(appealId))
                .map(EvaluationRepository::appeal);
    }

    /** The sender's most recently answered appeal that still waits for a rating (WeChat "评价 5"). */
    public Uni<Optional<Appeal>> lockAwaitingRating(SqlClient tx, String replyTo) {
        return tx.preparedQuery(APPEAL + "WHERE reply_to = $1 AND status = 'REPLIED' ORDER BY updated_at DESC LIMIT 1 "
                + "FOR UPDATE").execute(Tuple.of(replyTo)).map(EvaluationRepository::appeal);
    }

    public Uni<Integer> nextRound(SqlClient tx, long appealId) {
        return tx.preparedQuery("SELECT coalesce(max(round), 0) + 1 AS next FROM evaluation_round WHERE appeal_id = $1")
                .execute(Tuple.of(appealId)).map(rows -> rows.iterator().next().getInteger("next"));
    }

    public Uni<Void> openRound(SqlClient tx, long appealId, int round, Instant at, Instant linkExpiresAt,
            String visitReason) {
        return tx.preparedQuery("""
                INSERT INTO evaluation_round (appeal_id, round, requested_at, link_expires_at, visit_reason)
                VALUES ($1, $2, $3, $4, $5)""")
                .execute(Tuple.tuple(Arrays.asList(appealId, round, utc(at), utc(linkExpiresAt), visitReason)))
                .replaceWithVoid();
    }

    public Uni<Optional<Round>> latestRound(SqlClient tx, long appealId) {
        return tx.preparedQuery("SELECT round, requested_at, link_expires_at, visit_reason FROM evaluation_round "
                + "WHERE appeal_id = $1 ORDER BY round DESC LIMIT 1").execute(Tuple.of(appealId))
                .map(rows -> first(rows).map(r -> new Round(r.getInteger("round"),
                        r.getOffsetDateTime("requested_at").toInstant(), r.getOffsetDateTime("link_expires_at").toInstant(),
                        r.getString("visit_reason"))));
    }

    public Uni<Boolean> roundExists(SqlClient tx, long appealId, int round) {
        return tx.preparedQuery("SELECT 1 FROM evaluation_round WHERE appeal_id = $1 AND round = $2")
                .execute(Tuple.of(appealId, round)).map(rows -> rows.iterator().hasNext());
    }

    /** Stores the round's rating; false when the round already has one (the primary key decides). */
    public Uni<Boolean> insertRating(SqlClient tx, long appealId, int round, Rating rating, String via, String ratedBy,
            Instant at) {
        return tx.preparedQuery("""
                INSERT INTO rating (appeal_id, round, level, resolved, good, defaulted, via, comment, rated_by, rated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING""")
                .execute(Tuple.tuple(Arrays.asList(appealId, round, (short) rating.satisfaction().level(),
                        rating.resolved(), rating.good(), rating.defaulted(), via, rating.comment(), ratedBy, utc(at))))
                .map(inserted -> inserted.rowCount() == 1);
    }

    public Uni<Optional<Rating>> rating(SqlClient tx, long appealId, int round) {
        return tx.preparedQuery("SELECT level, resolved, comment, defaulted FROM rating WHERE appeal_id = $1 AND round = $2")
                .execute(Tuple.of(appealId, round))
                .map(rows -> first(rows).map(r -> new Rating(Satisfaction.of(r.getShort("level")).orElseThrow(),
                        r.getBoolean("resolved"), r.getString("comment"), r.getBoolean("defaulted"))));
    }

    /** A return visit is due for the round for this reason (a bad rating outranks having been sampled). */
    public Uni<Void> markVisitDue(SqlClient tx, long appealId, int round, String reason) {
        return tx.preparedQuery("UPDATE evaluation_round SET visit_reason = $3 WHERE appeal_id = $1 AND round = $2")
                .execute(Tuple.of(appealId, round, reason)).replaceWithVoid();
    }

    /** The answer a round rates: the reply that opened it (the last one at or before the round's request). */
    public record Answer(String text, Instant at) {
    }

    /** A round the appellant may still rate: the latest, unrated, the appeal REPLIED, the window open. */
    public record OpenRound(int round, Instant linkExpiresAt) {
    }

    public Uni<Optional<OpenRound>> openRound(String trackingNo, Instant now) {
        return pool.preparedQuery("""
                SELECT r.round, r.link_expires_at FROM appeal a JOIN evaluation_round r ON r.appeal_id = a.id
                WHERE a.tracking_no = $1 AND a.status = 'REPLIED' AND r.link_expires_at > $2
                  AND r.round = (SELECT max(round) FROM evaluation_round WHERE appeal_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM rating g WHERE g.appeal_id = a.id AND g.round = r.round)""")
                .execute(Tuple.of(trackingNo, utc(now)))
                .map(rows -> first(rows).map(r -> new OpenRound(r.getInteger("round"),
                        r.getOffsetDateTime("link_expires_at").toInstant())));
    }

    public Uni<Optional<Answer>> answer(String trackingNo, int round) {
        return pool.preparedQuery("""
                SELECT e.payload::jsonb ->> 'answer' AS answer, e.occurred_at
                FROM appeal a JOIN evaluation_round r ON r.appeal_id = a.id AND r.round = $2
                JOIN LATERAL (SELECT payload, occurred_at FROM appeal_event
                              WHERE appeal_id = a.id AND type = 'REPLIED' AND occurred_at <= r.requested_at
                              ORDER BY seq DESC LIMIT 1) e ON true
                WHERE a.tracking_no = $1""")
                .execute(Tuple.of(trackingNo, round))
                .map(rows -> first(rows).filter(r -> r.getString("answer") != null)
                        .map(r -> new Answer(r.getString("answer"), r.getOffsetDateTime("occurred_at").toInstant())));
    }

    /** Whether some round of the appeal still waits for its due return visit. */
    public Uni<Boolean> visitPending(SqlClient tx, long appealId) {
        return tx.preparedQuery("""
                SELECT 1 FROM evaluation_round r WHERE r.appeal_id = $1 AND r.visit_reason IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM return_visit v WHERE v.appeal_id = r.appeal_id AND v.round = r.round)""")
                .execute(Tuple.of(appealId)).map(rows -> rows.iterator().hasNext());
    }

    private static Optional<Appeal> appeal(RowSet<Row> rows) {
        return first(rows).map(r -> new Appeal(r.getLong("id"), r.getString("tracking_no"), r.getString("status"),
                r.getString("handling_unit"), r.getString("channel"), r.getString("appeal_type"), r.getString("category"),
                r.getBoolean("urgent"), r.getString("uscc"), r.getString("reply_to"), r.getString("assignee"),
                Optional.ofNullable(r.getOffsetDateTime("claim_expires_at")).map(OffsetDateTime::toInstant).orElse(null)));
    }

    static Optional<Row> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
