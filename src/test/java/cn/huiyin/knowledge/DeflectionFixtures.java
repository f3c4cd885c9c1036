package cn.huiyin.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import cn.huiyin.testsupport.Database;

/**
 * Articles and shown answers of a test's own, written straight into the tables: the articles belong to a unit code
 * nobody else uses and are valid only in 2020, so no search ever finds them and the figures of that unit are
 * exactly what the test wrote.
 */
final class DeflectionFixtures {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private DeflectionFixtures() {
    }

    static String newUnit() {
        return "TD" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static LocalDate today() {
        return LocalDate.now(BEIJING);
    }

    /** {@code daysAgo} days before today, at {@code time} in Beijing. */
    static Instant at(int daysAgo, LocalTime time) {
        return today().minusDays(daysAgo).atTime(time).atZone(BEIJING).toInstant();
    }

    /** A published article (version 1) of {@code unit}; its id. */
    static long article(Database db, String unit, String title) {
        long id = db.count("""
                INSERT INTO knowledge_article (unit_code, latest_version, status, published_version, created_by, created_at,
                    updated_at) VALUES ($1, 1, 'PUBLISHED', 1, 'test', now(), now()) RETURNING id""", unit);
        db.execute("""
                INSERT INTO knowledge_article_version (article_id, version, status, title, questions, answer, source_name,
                    category_code, valid_from, valid_to, edited_by, edited_at)
                VALUES ($1, 1, 'PUBLISHED', $2, '测试问题', '测试答案', '测试依据', 'ENVIRONMENT', $3, $4, 'test', now())""",
                id, title, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        return id;
    }

    /** A later version published: the answers of version 1 no longer speak for the article. */
    static void publishVersion2(Database db, long articleId) {
        db.execute("""
                INSERT INTO knowledge_article_version (article_id, version, status, title, questions, answer, source_name,
                    category_code, valid_from, valid_to, edited_by, edited_at)
                SELECT article_id, 2, 'PUBLISHED', title, questions, '改写后的答案', source_name, category_code, valid_from,
                    valid_to, 'test', now() FROM knowledge_article_version WHERE article_id = $1 AND version = 1""", articleId);
        db.execute("UPDATE knowledge_article SET latest_version = 2, published_version = 2 WHERE id = $1", articleId);
    }

    /** One answer shown; {@code followedAfter}: the asker's appeal that long after it, or null. */
    static void shown(Database db, long articleId, int version, String channel, String asker, boolean sure, Instant at,
            Boolean helpful, Duration followedAfter) {
        db.execute("""
                INSERT INTO knowledge_answer_shown (id, article_id, article_version, channel, asker_ref, query, sure, shown_at,
                    helpful, feedback_at, followed_by, followed_at) VALUES ($1, $2, $3, $4, $5, '测试问题', $6, $7, $8, $9, $10, $11)""",
                UUID.randomUUID(), articleId, version, channel, asker, sure, at.atOffset(ZoneOffset.UTC), helpful,
                helpful == null ? null : at.plusSeconds(60).atOffset(ZoneOffset.UTC),
                followedAfter == null ? null : "2601010000011",
                followedAfter == null ? null : at.plus(followedAfter).atOffset(ZoneOffset.UTC));
    }
}
