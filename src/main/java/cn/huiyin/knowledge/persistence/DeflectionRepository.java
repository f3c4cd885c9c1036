package cn.huiyin.knowledge.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.knowledge.application.Deflection.Figures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads {@code knowledge_answer_shown} for the deflection figures, and keeps the review flags on
 * {@code knowledge_article}. A session is one asker on one channel on one day (in the district's time zone); an
 * answer counts as followed when the asker's appeal came within 24 hours of it. Answers shown to commissioners in
 * the work queue ({@code WORKQUEUE}) are about appeals already filed, so they count in none of this.
 */
@ApplicationScoped
public class DeflectionRepository {

    private static final long REVIEW_LOCK = 0x6875_6979_6b62_7266L; // "huiykbrf"

    /** The figures of one channel. */
    public record ChannelRow(String channel, Figures figures) {
    }

    /** The figures of one article, with its title (of the version answering now, else the latest) and flag. */
    public record ArticleRow(long articleId, String title, String unitCode, Figures figures, Instant reviewFlaggedAt,
            String reviewFlagReason) {
    }

    /** An article's sure answers in the review window (of its published version) and how many were followed. */
    public record ReviewCount(long articleId, long answered, long followed, boolean flagged) {
    }

    /** A shown answer as the demo history writes it. */
    public record DemoShown(java.util.UUID id, long articleId, int articleVersion, String channel, String askerRef,
            String query, boolean sure, Instant shownAt, Boolean helpful, Instant feedbackAt, String followedBy,
            Instant followedAt) {
    }

    @Inject
    Pool pool;

    // what every figure is counted from: the answers shown to enterprises in the period, of the unit's articles
    private static final String SESSIONS = """
            WITH shown AS (
                SELECT s.channel, s.asker_ref, (s.shown_at AT TIME ZONE $3)::date AS day, s.article_id, s.sure,
                       s.shown_at, s.helpful,
                       (s.followed_at IS NOT NULL AND s.followed_at <= s.shown_at + interval '24 hours') AS followed
                FROM knowledge_answer_shown s JOIN knowledge_article a ON a.id = s.article_id
                WHERE s.shown_at >= $1 AND s.shown_at < $2 AND s.channel IN ('WEB', 'WECHAT', 'PHONE')
                    AND ($4::text IS NULL OR a.unit_code = $4)),
            sessions AS (
                SELECT channel, asker_ref, day, bool_or(sure) AS answered, bool_or(followed) AS followed,
                       max(shown_at) AS last_shown
                FROM shown GROUP BY channel, asker_ref, day)
            """;

    /** Per channel; {@code settledBefore}: a session whose last answer is younger is left out of the rate. */
    public Uni<List<ChannelRow>> byChannel(Instant from, Instant toExclusive, String zone, String unitCode,
            Instant settledBefore) {
        return pool.preparedQuery(SESSIONS + """
                , feedback AS (
                    SELECT channel, count(*) FILTER (WHERE helpful) AS helpful,
                           count(*) FILTER (WHERE NOT helpful) AS not_helpful
                    FROM shown GROUP BY channel)
                SELECT s.channel, count(*) AS shown, count(*) FILTER (WHERE s.answered) AS answered,
                       count(*) FILTER (WHERE s.answered AND s.followed) AS followed,
                       count(*) FILTER (WHERE s.answered AND s.last_shown < $5) AS settled,
                       count(*) FILTER (WHERE s.answered AND s.last_shown < $5 AND NOT s.followed) AS deflected,
                       max(f.helpful) AS helpful, max(f.not_helpful) AS not_helpful
                FROM sessions s JOIN feedback f ON f.channel = s.channel
                GROUP BY s.channel ORDER BY s.channel""")
                .execute(Tuple.of(utc(from), utc(toExclusive), zone, unitCode, utc(settledBefore)))
                .map(rows -> {
                    List<ChannelRow> channels = new ArrayList<>();
                    for (Row r : rows) {
                        channels.add(new ChannelRow(r.getString("channel"), figures(r)));
                    }
                    return channels;
                });
    }

    /**
     * Per article: sessions it was shown in, the sessions it was the sure answer in and what became of them, and the
     * feedback on it; with every flagged article of the unit too, shown or not.
     */
    public Uni<List<ArticleRow>> byArticle(Instant from, Instant toExclusive, String zone, String unitCode,
            Instant settledBefore) {
        return pool.preparedQuery(SESSIONS + """
                , per_article AS (
                    SELECT article_id, channel, asker_ref, day, bool_or(sure) AS sure,
                           count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE NOT helpful) AS not_helpful
                    FROM shown GROUP BY article_id, channel, asker_ref, day),
                figures AS (
                    SELECT p.article_id, count(*) AS shown, count(*) FILTER (WHERE p.sure) AS answered,
                           count(*) FILTER (WHERE p.sure AND s.followed) AS followed,
                           count(*) FILTER (WHERE p.sure AND s.last_shown < $5) AS settled,
                           count(*) FILTER (WHERE p.sure AND s.last_shown < $5 AND NOT s.followed) AS deflected,
                           sum(p.helpful) AS helpful, sum(p.not_helpful) AS not_helpful
                    FROM per_article p JOIN sessions s USING (channel, asker_ref, day)
                    GROUP BY p.article_id)
                SELECT a.id, v.title, a.unit_code, a.review_flagged_at, a.review_flag_reason,
                       coalesce(f.shown, 0) AS shown, coalesce(f.answered, 0) AS answered,
                       coalesce(f.followed, 0) AS followed, coalesce(f.settled, 0) AS settled,
                       coalesce(f.deflected, 0) AS deflected, coalesce(f.helpful, 0) AS helpful,
                       coalesce(f.not_helpful, 0) AS not_helpful
                FROM knowledge_article a
                JOIN knowledge_article_version v ON v.article_id = a.id
                    AND v.version = coalesce(a.published_version, a.latest_version)
                LEFT JOIN figures f ON f.article_id = a.id
                WHERE (f.article_id IS NOT NULL OR a.review_flagged_at IS NOT NULL) AND ($4::text IS NULL OR a.unit_code = $4)
                ORDER BY a.review_flagged_at IS NULL, coalesce(f.answered, 0) DESC, coalesce(f.shown, 0) DESC, a.id""")
                .execute(Tuple.of(utc(from), utc(toExclusive), zone, unitCode, utc(settledBefore)))
                .map(rows -> {
                    List<ArticleRow> articles = new ArrayList<>();
                    for (Row r : rows) {
                        articles.add(new ArticleRow(r.getLong("id"), r.getString("title"), r.getString("unit_code"),
                                figures(r), instant(r, "review_flagged_at"), r.getString("review_flag_reason")));
                    }
                    return articles;
                });
    }

    /** One review at a time across replicas, for as long as {@code tx} lasts; false when another holds it. */
    public Uni<Boolean> tryReviewLock(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked").execute(Tuple.of(REVIEW_LOCK))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    /**
     * Each published or flagged article's sessions since {@code since} in which its published version was the sure
     * answer, and how many of them were followed by an appeal within 24 hours.
     */
    public Uni<List<ReviewCount>> reviewCounts(SqlClient tx, Instant since, String zone) {
        return tx.preparedQuery("""
                WITH sessions AS (
                    SELECT s.article_id, s.channel, s.asker_ref, (s.shown_at AT TIME ZONE $2)::date AS day,
                           bool_or(s.followed_at IS NOT NULL AND s.followed_at <= s.shown_at + interval '24 hours') AS followed
                    FROM knowledge_answer_shown s
                    JOIN knowledge_article a ON a.id = s.article_id AND s.article_version = a.published_version
                    WHERE s.sure AND s.shown_at >= $1 AND s.channel IN ('WEB', 'WECHAT', 'PHONE')
                    GROUP BY 1, 2, 3, 4)
                SELECT a.id, a.review_flagged_at IS NOT NULL AS flagged, count(x.article_id) AS answered,
                       count(*) FILTER (WHERE x.followed) AS followed
                FROM knowledge_article a LEFT JOIN sessions x ON x.article_id = a.id
                WHERE a.published_version IS NOT NULL OR a.review_flagged_at IS NOT NULL
                GROUP BY a.id, a.review_flagged_at""").execute(Tuple.of(utc(since), zone))
                .map(rows -> {
                    List<ReviewCount> counts = new ArrayList<>();
                    for (Row r : rows) {
                        counts.add(new ReviewCount(r.getLong("id"), r.getLong("answered"), r.getLong("followed"),
                                r.getBoolean("flagged")));
                    }
                    return counts;
                });
    }

    /** Flags these articles (keeping the time of a flag already set) with their reasons. */
    public Uni<Void> flag(SqlClient tx, List<Long> articleIds, List<String> reasons, Instant at) {
        if (articleIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                UPDATE knowledge_article a SET review_flagged_at = coalesce(a.review_flagged_at, $3),
                    review_flag_reason = f.reason
                FROM unnest($1::bigint[], $2::text[]) AS f (id, reason) WHERE a.id = f.id""")
                .execute(Tuple.of(articleIds.toArray(Long[]::new), reasons.toArray(String[]::new), utc(at)))
                .replaceWithVoid();
    }

    public Uni<Void> clear(SqlClient tx, List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                UPDATE knowledge_article SET review_flagged_at = NULL, review_flag_reason = NULL
                WHERE id = ANY($1) AND review_flagged_at IS NOT NULL""")
                .execute(Tuple.of(articleIds.toArray(Long[]::new))).replaceWithVoid();
    }

    /** A published article the demo history may show: its id, published version and first question form. */
    public record DemoArticle(long articleId, int version, String question) {
    }

    public Uni<List<DemoArticle>> publishedArticles() {
        return pool.query("""
                SELECT a.id, a.published_version, split_part(v.questions, E'\\n', 1) AS question
                FROM knowledge_article a
                JOIN knowledge_article_version v ON v.article_id = a.id AND v.version = a.published_version
                ORDER BY a.id""")
                .execute().map(rows -> {
                    List<DemoArticle> articles = new ArrayList<>();
                    for (Row r : rows) {
                        articles.add(new DemoArticle(r.getLong("id"), r.getInteger("published_version"),
                                r.getString("question")));
                    }
                    return articles;
                });
    }

    /** Recent appeals' tracking numbers, for the demo history's "followed by" (any will do: it is a demo). */
    public Uni<List<String>> someTrackingNumbers(int limit) {
        return pool.preparedQuery("SELECT tracking_no FROM appeal ORDER BY received_at DESC LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<String> numbers = new ArrayList<>();
                    rows.forEach(r -> numbers.add(r.getString("tracking_no")));
                    return numbers;
                });
    }

    /** Writes the demo history; rows already there (same id) are left alone, so a restart adds nothing. */
    public Uni<Integer> insertDemo(List<DemoShown> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("""
                INSERT INTO knowledge_answer_shown (id, article_id, article_version, channel, asker_ref, query, sure,
                    shown_at, helpful, feedback_at, followed_by, followed_at)
                SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[],
                    $7::boolean[], $8::timestamptz[], $9::boolean[], $10::timestamptz[], $11::text[], $12::timestamptz[])
                ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.tuple(List.of(
                        rows.stream().map(DemoShown::id).toArray(java.util.UUID[]::new),
                        rows.stream().map(DemoShown::articleId).toArray(Long[]::new),
                        rows.stream().map(DemoShown::articleVersion).toArray(Integer[]::new),
                        rows.stream().map(DemoShown::channel).toArray(String[]::new),
                        rows.stream().map(DemoShown::askerRef).toArray(String[]::new),
                        rows.stream().map(DemoShown::query).toArray(String[]::new),
                        rows.stream().map(DemoShown::sure).toArray(Boolean[]::new),
                        times(rows.stream().map(DemoShown::shownAt).toArray(Instant[]::new)),
                        rows.stream().map(DemoShown::helpful).toArray(Boolean[]::new),
                        times(rows.stream().map(DemoShown::feedbackAt).toArray(Instant[]::new)),
                        rows.stream().map(DemoShown::followedBy).toArray(String[]::new),
                        times(rows.stream().map(DemoShown::followedAt).toArray(Instant[]::new)))))
                .map(inserted -> inserted.rowCount());
    }

    private static Figures figures(Row r) {
        return new Figures(r.getLong("shown"), r.getLong("answered"), r.getLong("followed"), r.getLong("settled"),
                r.getLong("deflected"), r.getLong("helpful"), r.getLong("not_helpful"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime[] times(Instant[] instants) {
        return Arrays.stream(instants).map(DeflectionRepository::utc).toArray(OffsetDateTime[]::new);
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
