package cn.huiyin.knowledge;

import static cn.huiyin.knowledge.DeflectionFixtures.at;
import static cn.huiyin.knowledge.DeflectionFixtures.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.application.ReviewFlags;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Articles whose sure answers of the last 30 days were at least 5 and followed by an appeal within 24 hours at least
 * 30 % of the time are flagged for review with a reason; the flag is lifted when that no longer holds or a new
 * version is published.
 */
@QuarkusTest
class ReviewFlagTest {

    @Inject
    Database db;

    @Inject
    ReviewFlags reviewFlags;

    /** {@code answered} sure answers to distinct askers in the last days, the first {@code followed} followed in 3 h. */
    private void answers(long article, int answered, int followed, String prefix) {
        for (int i = 0; i < answered; i++) {
            shown(db, article, 1, i % 2 == 0 ? "WEB" : "WECHAT", prefix + i, true, at(2 + i % 20, LocalTime.of(10, 0)),
                    null, i < followed ? Duration.ofHours(3) : null);
        }
    }

    /** One review round of this replica's, waiting out a scheduled round that may hold the lock just then. */
    private void review() {
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewFlags.review().await().atMost(Duration.ofSeconds(10)).ran());
    }

    private String flaggedAt(long article) {
        return db.string("SELECT review_flagged_at::text FROM knowledge_article WHERE id = $1", article);
    }

    private String reason(long article) {
        return db.string("SELECT review_flag_reason FROM knowledge_article WHERE id = $1", article);
    }

    @Test
    void an_article_followed_by_appeals_often_enough_is_flagged_with_its_figures_and_the_others_are_not() {
        String unit = DeflectionFixtures.newUnit();
        String p = "flag-" + UUID.randomUUID() + "-";
        long atThreshold = DeflectionFixtures.article(db, unit, "复核测试 恰好30% " + p);
        long belowShare = DeflectionFixtures.article(db, unit, "复核测试 比例不足 " + p);
        long tooFew = DeflectionFixtures.article(db, unit, "复核测试 次数不足 " + p);
        answers(atThreshold, 10, 3, p + "t");
        answers(belowShare, 6, 1, p + "s");
        answers(tooFew, 4, 4, p + "f");
        // older than the window, or followed too late: they do not count
        shown(db, belowShare, 1, "WEB", p + "old1", true, at(40, LocalTime.NOON), null, Duration.ofHours(1));
        shown(db, belowShare, 1, "WEB", p + "old2", true, at(41, LocalTime.NOON), null, Duration.ofHours(1));
        shown(db, belowShare, 1, "WEB", p + "late", true, at(3, LocalTime.NOON), null, Duration.ofHours(25));

        review();

        assertThat(flaggedAt(atThreshold)).isNotNull();
        assertThat(reason(atThreshold)).contains("解答 10 次").contains("其中 3 次").contains("30%");
        assertThat(flaggedAt(belowShare)).isNull();
        assertThat(flaggedAt(tooFew)).isNull();

        String firstFlagged = flaggedAt(atThreshold);
        review();
        assertThat(flaggedAt(atThreshold)).as("a standing flag keeps its time").isEqualTo(firstFlagged);
    }

    @Test
    void the_flag_is_lifted_when_a_new_version_is_published_or_the_article_no_longer_qualifies() {
        String unit = DeflectionFixtures.newUnit();
        String p = "unflag-" + UUID.randomUUID() + "-";
        long rewritten = DeflectionFixtures.article(db, unit, "复核测试 已改写 " + p);
        long recovered = DeflectionFixtures.article(db, unit, "复核测试 已好转 " + p);
        answers(rewritten, 5, 5, p + "r");
        answers(recovered, 8, 1, p + "g");
        db.execute("UPDATE knowledge_article SET review_flagged_at = now() - interval '3 days', review_flag_reason = '旧原因' WHERE id = $1",
                recovered);
        review();
        assertThat(flaggedAt(rewritten)).isNotNull();
        assertThat(flaggedAt(recovered)).isNull();
        assertThat(reason(recovered)).isNull();

        DeflectionFixtures.publishVersion2(db, rewritten);
        review();

        assertThat(flaggedAt(rewritten)).isNull();
        assertThat(reason(rewritten)).isNull();
    }
}
