package cn.huiyin.knowledge.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.persistence.DeflectionRepository.DemoArticle;
import cn.huiyin.knowledge.persistence.DeflectionRepository.DemoShown;

/** The demo run's history of shown answers: believable, and the same on every start (so a restart adds nothing). */
class DeflectionDemoHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final List<DemoArticle> ARTICLES = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> new DemoArticle(100 + i, 1, "问题" + i)).toList();

    private static List<DemoShown> draw() {
        return KnowledgeDemoHistory.draw(ARTICLES, List.of("2612010000017"), 420, NOW, ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void the_same_history_is_drawn_every_time() {
        assertThat(draw()).isEqualTo(draw());
        assertThat(draw()).extracting(DemoShown::id).doesNotHaveDuplicates().hasSize(420);
    }

    @Test
    void the_history_spans_sixty_days_three_channels_feedback_and_followed_appeals() {
        List<DemoShown> rows = draw();

        assertThat(rows).allMatch(r -> r.shownAt().isBefore(NOW) && r.shownAt().isAfter(NOW.minus(Duration.ofDays(62))));
        assertThat(rows).extracting(DemoShown::channel).contains("WEB", "WECHAT", "PHONE").doesNotContain("WORKQUEUE");
        assertThat(rows).filteredOn(r -> r.channel().equals("WECHAT")).allMatch(DemoShown::sure);
        assertThat(rows).filteredOn(r -> r.followedAt() != null).hasSizeBetween(40, 200)
                .allMatch(r -> !r.followedAt().isAfter(r.shownAt().plus(Duration.ofHours(24))) && r.followedAt().isBefore(NOW)
                        && r.followedBy().equals("2612010000017"));
        assertThat(rows).filteredOn(r -> Boolean.TRUE.equals(r.helpful())).hasSizeGreaterThan(50);
        assertThat(rows).filteredOn(r -> Boolean.FALSE.equals(r.helpful())).hasSizeGreaterThan(10);
        assertThat(rows).extracting(DemoShown::articleId).hasSizeGreaterThan(0).containsAnyElementsOf(List.of(101L, 112L));
    }
}
