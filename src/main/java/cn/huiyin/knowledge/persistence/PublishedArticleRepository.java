package cn.huiyin.knowledge.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.knowledge.domain.PublishedArticle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The published articles as every replica's index reads them. On the raw client (ADR 0012): the loads are built once
 * and subscribed again later by whichever request or background check comes first, where a Panache session would be
 * tied to the context that built them.
 */
@ApplicationScoped
public class PublishedArticleRepository {

    @Inject
    Pool pool;

    /** The version of each article that answers now, among those valid on {@code day}, by article id. */
    public Uni<List<PublishedArticle>> validOn(LocalDate day) {
        return pool.preparedQuery("""
                SELECT a.id, a.unit_code, v.version, v.title, v.questions, v.answer, v.source_name, v.source_link,
                       v.category_code, v.valid_from, v.valid_to
                FROM knowledge_article a
                JOIN knowledge_article_version v ON v.article_id = a.id AND v.version = a.published_version
                WHERE a.published_version IS NOT NULL AND v.valid_from <= $1 AND (v.valid_to IS NULL OR v.valid_to >= $1)
                ORDER BY a.id""").execute(Tuple.of(day)).map(rows -> {
                    List<PublishedArticle> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new PublishedArticle(r.getLong("id"), r.getInteger("version"), r.getString("unit_code"),
                                new ArticleContent(r.getString("title"), KnowledgeArticleRepository.questions(r.getString("questions")),
                                        r.getString("answer"), r.getString("source_name"), r.getString("source_link"),
                                        r.getString("category_code"), r.getLocalDate("valid_from"), r.getLocalDate("valid_to"))));
                    }
                    return found;
                });
    }

    /**
     * A fingerprint of the published set, equal as long as no article was published or withdrawn on any replica: which
     * version of which article answers (a version's words never change, see V18). One small statement, read by every
     * replica every few seconds while it answers.
     */
    public Uni<String> fingerprint() {
        return pool.query("""
                SELECT count(*) || '.' || coalesce(md5(string_agg(id || ':' || published_version, ',' ORDER BY id)), '')
                    AS fingerprint
                FROM knowledge_article WHERE published_version IS NOT NULL""")
                .execute().map(rows -> rows.iterator().next().getString("fingerprint"));
    }
}
