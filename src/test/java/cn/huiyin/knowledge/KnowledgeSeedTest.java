package cn.huiyin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.application.KnowledgeSeed;
import cn.huiyin.knowledge.application.KnowledgeSeed.SeedArticle;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seed articles: stored at start-up as published version 1 by {@code system}, once per key however often (and
 * however many replicas at once) the seeding runs; an entry that breaks the articles' rules is skipped, never half stored.
 */
@QuarkusTest
class KnowledgeSeedTest {

    @Inject
    KnowledgeSeed seed;

    @Inject
    Database db;

    private static SeedArticle entry(String key, String category, String unit) {
        return new SeedArticle(key, "种子测试条目" + key, List.of("种子测试问法" + key),
                "这是一条用于验证知识库种子导入幂等性的测试答案，内容足够长。", "《测试依据》", "https://example.gov.cn/" + key, unit,
                category, java.time.LocalDate.parse("2026-01-01"), null);
    }

    private long stored(String key) {
        return db.count("SELECT count(*) FROM knowledge_article a JOIN knowledge_article_version v ON v.article_id = a.id "
                + "WHERE a.article_key = $1", key);
    }

    @Test
    void every_article_of_the_shipped_file_is_published_at_start_up_by_system() throws Exception {
        List<SeedArticle> shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KnowledgeSeed.ARTICLES)) {
            assertThat(in).as(KnowledgeSeed.ARTICLES).isNotNull();
            shipped = seed.read(in);
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(24);
        for (SeedArticle article : shipped) {
            assertThat(db.string("SELECT a.status || '/' || a.published_version || '/' || v.published_by || '/' || v.edited_by "
                    + "FROM knowledge_article a JOIN knowledge_article_version v ON v.article_id = a.id AND v.version = 1 "
                    + "WHERE a.article_key = $1", article.key())).as(article.key()).isEqualTo("PUBLISHED/1/system/system");
        }
        // a restart adds nothing
        assertThat(seed.seed(shipped)).isZero();
    }

    @Test
    void seeding_twice_stores_each_key_once_and_keeps_what_the_unit_changed() throws Exception {
        String key = "KB-T-" + ArticleFixtures.tag();
        List<SeedArticle> file = List.of(entry(key + "A", "BIZ_REG", "SAMR"), entry(key + "B", "TAX_SERVICE", "TAX"));

        assertThat(seed.seed(file)).isEqualTo(2);
        db.execute("UPDATE knowledge_article SET status = 'WITHDRAWN', published_version = NULL WHERE article_key = $1", key + "A");
        assertThat(seed.seed(file)).isZero();

        assertThat(stored(key + "A")).isEqualTo(1);
        assertThat(stored(key + "B")).isEqualTo(1);
        assertThat(db.string("SELECT status FROM knowledge_article WHERE article_key = $1", key + "A")).isEqualTo("WITHDRAWN");
    }

    @Test
    void two_replicas_seeding_at_once_store_each_key_once() throws Exception {
        String key = "KB-R-" + ArticleFixtures.tag();
        List<SeedArticle> file = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            file.add(entry(key + i, "BIZ_REG", "SAMR"));
        }
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> start = () -> seed.seed(file);
            List<Future<Integer>> added = replicas.invokeAll(List.of(start, start), 60, TimeUnit.SECONDS);
            assertThat(added.get(0).get() + added.get(1).get()).isEqualTo(10);
        } finally {
            replicas.shutdownNow();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(stored(key + i)).isEqualTo(1);
        }
    }

    @Test
    void an_entry_that_breaks_a_rule_is_skipped_and_the_rest_are_stored() throws Exception {
        String key = "KB-X-" + ArticleFixtures.tag();
        List<SeedArticle> file = List.of(entry(key + "A", "NO_SUCH_CATEGORY", "SAMR"), entry(key + "B", "BIZ_REG", "NOWHERE"),
                entry(key + "C", "TAX_SERVICE", "SAMR"), entry(key + "D", "BIZ_REG", "SAMR"), entry(key + "D", "BIZ_REG", "SAMR"));
        assertThat(seed.seed(file)).isEqualTo(1);
        assertThat(stored(key + "A") + stored(key + "B") + stored(key + "C")).isZero();
        assertThat(stored(key + "D")).isEqualTo(1);
    }
}
