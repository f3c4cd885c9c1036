package cn.huiyin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.application.ArticleMatch;
import cn.huiyin.knowledge.application.KnowledgeBase;
import cn.huiyin.knowledge.application.KnowledgeSeed;
import cn.huiyin.knowledge.domain.PublishedArticle;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The replica's knowledge base: the published articles valid today and their index. A publish here answers here at
 * once; a publish or withdrawal on another replica (written straight to the database here) is followed within the
 * change check; articles out of their validity are not offered.
 */
@QuarkusTest
class KnowledgeBaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    Database db;

    @Inject
    KnowledgeSeed seed;

    private List<ArticleMatch> search(String text) {
        return knowledgeBase.search(text, 5).await().atMost(PATIENCE);
    }

    private boolean offered(long id) {
        return knowledgeBase.publishedToday(id).await().atMost(PATIENCE).isPresent();
    }

    /** An article published by another replica: its rows as that replica's service writes them. */
    private long publishedElsewhere(String title, LocalDate from, LocalDate to) {
        long id = db.count("""
                INSERT INTO knowledge_article (unit_code, latest_version, status, published_version, created_by, created_at, updated_at)
                VALUES ('TAX', 1, 'PUBLISHED', 1, 'elsewhere', now(), now()) RETURNING id""");
        db.execute("""
                INSERT INTO knowledge_article_version (article_id, version, status, title, questions, answer, source_name,
                    category_code, valid_from, valid_to, edited_by, edited_at, reviewed_by, reviewed_at, published_by, published_at)
                VALUES ($1, 1, 'PUBLISHED', $2, $3, '这是另一副本发布的测试条目的答案，内容足够长足够长。', '《测试依据》', 'TAX_SERVICE',
                    $4, $5, 'a', now(), 'b', now(), 'b', now())""", id, title, title + "怎么办", from, to);
        return id;
    }

    @Test
    void a_search_for_a_published_articles_own_title_finds_it_with_its_unit() {
        String title = "跨区迁移企业住所变更登记" + ArticleFixtures.tag();
        long id = ArticleFixtures.published(title);

        List<ArticleMatch> found = search(title);
        assertThat(found).extracting(ArticleMatch::articleId).contains(id);
        ArticleMatch match = found.stream().filter(m -> m.articleId() == id).findFirst().orElseThrow();
        assertThat(match.title()).isEqualTo(title);
        assertThat(match.version()).isEqualTo(1);
        assertThat(match.unitName()).isEqualTo("天河区市场监督管理局");
        assertThat(match.sourceLink()).isEqualTo("https://www.gdzwfw.gov.cn/");
        assertThat(found.stream().skip(1)).noneMatch(ArticleMatch::sure);
    }

    @Test
    void every_seeded_article_is_found_by_its_own_title() throws Exception {
        List<KnowledgeSeed.SeedArticle> shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KnowledgeSeed.ARTICLES)) {
            shipped = seed.read(in);
        }
        assertThat(shipped).isNotEmpty();
        for (KnowledgeSeed.SeedArticle article : shipped) {
            long id = db.count("SELECT id FROM knowledge_article WHERE article_key = $1", article.key());
            assertThat(search(article.title())).as(article.key()).extracting(ArticleMatch::articleId).contains(id);
        }
    }

    @Test
    void a_publish_or_withdrawal_on_another_replica_is_followed_within_the_change_check() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = publishedElsewhere("另一副本发布的条目" + ArticleFixtures.tag(), today.minusDays(1), null);
        await().atMost(PATIENCE).until(() -> offered(id));

        db.execute("UPDATE knowledge_article_version SET status = 'WITHDRAWN', withdrawn_by = 'b', withdrawn_at = now() "
                + "WHERE article_id = $1", id);
        db.execute("UPDATE knowledge_article SET status = 'WITHDRAWN', published_version = NULL WHERE id = $1", id);
        await().atMost(PATIENCE).until(() -> !offered(id));
    }

    @Test
    void only_articles_valid_today_are_offered() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long current = publishedElsewhere("有效期内的条目" + ArticleFixtures.tag(), today, today);
        long future = publishedElsewhere("尚未生效的条目" + ArticleFixtures.tag(), today.plusDays(1), null);
        long expired = publishedElsewhere("已经失效的条目" + ArticleFixtures.tag(), today.minusDays(10), today.minusDays(1));

        await().atMost(PATIENCE).until(() -> offered(current));
        assertThat(offered(future)).isFalse();
        assertThat(offered(expired)).isFalse();
        List<PublishedArticle> all = knowledgeBase.publishedToday().await().atMost(PATIENCE);
        assertThat(all).extracting(PublishedArticle::articleId).contains(current).doesNotContain(future, expired);
    }
}
