package cn.huiyin.knowledge.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code knowledge_answer_shown}: every article a channel showed, to whom, and what came of it. On the typeahead's
 * hot path, so plain reactive SQL, one transaction per showing.
 */
@ApplicationScoped
public class ShownAnswerRepository {

    /** An article about to be shown; {@code newId} is its record's id unless an earlier showing is reused. */
    public record Showing(UUID newId, long articleId, int articleVersion, boolean sure) {
    }

    @Inject
    Pool pool;

    /**
     * Records the showings, reusing the record of an article already shown to this asker since {@code reuseAfter};
     * answers each article's record id. The asker's showings are serialised (a transaction-scoped advisory lock) so
     * that two overlapping typeahead requests cannot both record the same article.
     */
    public Uni<Map<Long, UUID>> record(String channel, String askerRef, String query, List<Showing> showings,
            Instant at, Instant reuseAfter) {
        Long[] articles = showings.stream().map(Showing::articleId).toArray(Long[]::new);
        Integer[] versions = showings.stream().map(Showing::articleVersion).toArray(Integer[]::new);
        Boolean[] sure = showings.stream().map(Showing::sure).toArray(Boolean[]::new);
        UUID[] ids = showings.stream().map(Showing::newId).toArray(UUID[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 17))")
                .execute(Tuple.of(channel + "/" + askerRef))
                .chain(() -> tx.preparedQuery("""
                        WITH showing AS (
                            SELECT * FROM unnest($3::bigint[], $4::int[], $5::boolean[], $6::uuid[])
                                AS s (article_id, article_version, sure, new_id)),
                        earlier AS (
                            SELECT DISTINCT ON (k.article_id) k.article_id, k.id FROM knowledge_answer_shown k
                            WHERE k.channel = $1 AND k.asker_ref = $2 AND k.shown_at > $8
                                AND k.article_id IN (SELECT article_id FROM showing)
                            ORDER BY k.article_id, k.shown_at DESC),
                        recorded AS (
                            INSERT INTO knowledge_answer_shown (id, article_id, article_version, channel, asker_ref, query,
                                sure, shown_at)
                            SELECT s.new_id, s.article_id, s.article_version, $1, $2, $7, s.sure, $9 FROM showing s
                            WHERE s.article_id NOT IN (SELECT article_id FROM earlier)
                            RETURNING article_id, id)
                        SELECT article_id, id FROM earlier UNION ALL SELECT article_id, id FROM recorded""")
                        .execute(Tuple.tuple(List.of(channel, askerRef, articles, versions, sure, ids, query, utc(reuseAfter),
                                utc(at))))))
                .map(rows -> {
                    Map<Long, UUID> byArticle = new HashMap<>();
                    for (Row row : rows) {
                        byArticle.put(row.getLong("article_id"), row.getUUID("id"));
                    }
                    return byArticle;
                });
    }

    /** Sets the asker's feedback; false when there is no such record. */
    public Uni<Boolean> feedback(UUID id, boolean helpful, Instant at) {
        return pool.preparedQuery("UPDATE knowledge_answer_shown SET helpful = $2, feedback_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, helpful, utc(at))).map(updated -> updated.rowCount() == 1);
    }

    /** Marks the asker's showings since {@code shownAfter} not yet followed as followed by the appeal; how many. */
    public Uni<Integer> followed(String channel, String askerRef, String trackingNo, Instant shownAfter, Instant at) {
        return pool.preparedQuery("""
                UPDATE knowledge_answer_shown SET followed_by = $3, followed_at = $5
                WHERE channel = $1 AND asker_ref = $2 AND shown_at > $4 AND shown_at <= $5 AND followed_by IS NULL""")
                .execute(Tuple.of(channel, askerRef, trackingNo, utc(shownAfter), utc(at))).map(updated -> updated.rowCount());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
