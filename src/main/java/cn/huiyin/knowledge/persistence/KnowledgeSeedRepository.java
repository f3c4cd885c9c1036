package cn.huiyin.knowledge.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.knowledge.domain.ArticleVersion;

/**
 * Stores the seed articles at start-up, before traffic (JDBC on the start-up thread, like the reference data). An
 * article whose key is stored already is left as it is: after the first start the articles are the units' to edit.
 * Two replicas starting together insert the same keys in the same order; the second waits on the first's row and
 * then does nothing ({@code ON CONFLICT DO NOTHING}).
 */
@ApplicationScoped
public class KnowledgeSeedRepository {

    @Inject
    DataSource dataSource;

    /** The keys of the articles stored already (seeded or not). */
    public Set<String> storedKeys() throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT article_key FROM knowledge_article");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    /** Inserts the articles whose keys are new, in one transaction. Returns how many were new. */
    public int insertMissing(List<Article> articles, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int inserted = 0;
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH article AS (
                        INSERT INTO knowledge_article (article_key, unit_code, latest_version, status, published_version,
                            created_by, created_at, updated_at)
                        VALUES (?, ?, 1, 'PUBLISHED', 1, ?, ?, ?)
                        ON CONFLICT (article_key) DO NOTHING RETURNING id)
                    INSERT INTO knowledge_article_version (article_id, version, status, title, questions, answer,
                        source_name, source_link, category_code, valid_from, valid_to, edited_by, edited_at, reviewed_by,
                        reviewed_at, published_by, published_at, note)
                    SELECT id, 1, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM article""")) {
                Timestamp at = Timestamp.from(now);
                for (Article article : articles) {
                    ArticleVersion v = article.latest();
                    ArticleContent c = v.content();
                    int i = 1;
                    insert.setString(i++, article.key());
                    insert.setString(i++, article.unitCode());
                    insert.setString(i++, v.editedBy());
                    insert.setTimestamp(i++, at);
                    insert.setTimestamp(i++, at);
                    insert.setString(i++, c.title());
                    insert.setString(i++, String.join("\n", c.questions()));
                    insert.setString(i++, c.answer());
                    insert.setString(i++, c.sourceName());
                    insert.setString(i++, c.sourceLink());
                    insert.setString(i++, c.categoryCode());
                    insert.setObject(i++, c.validFrom(), Types.DATE);
                    insert.setObject(i++, c.validTo(), Types.DATE);
                    insert.setString(i++, v.editedBy());
                    insert.setTimestamp(i++, at);
                    insert.setString(i++, v.reviewedBy());
                    insert.setTimestamp(i++, at);
                    insert.setString(i++, v.publishedBy());
                    insert.setTimestamp(i++, at);
                    insert.setString(i++, v.note());
                    // one at a time rather than batched: the count says whether this key was new
                    inserted += insert.executeUpdate();
                }
            }
            connection.commit();
            return inserted;
        }
    }
}
