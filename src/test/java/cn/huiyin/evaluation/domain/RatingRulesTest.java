package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingRulesTest {

    @ParameterizedTest(name = "level {0}, resolved {1} → good {2}")
    @CsvSource({ "5, true, true", "4, true, true", "3, true, true", "2, true, false", "1, true, false",
            "5, false, false", "3, false, false" })
    void only_resolved_and_basically_satisfied_or_better_is_good(int level, boolean resolved, boolean good) {
        assertThat(new Rating(Satisfaction.of(level).orElseThrow(), resolved, null, false).good()).isEqualTo(good);
    }

    @Test
    void the_levels_carry_their_chinese_names_and_only_two_and_one_are_bad() {
        assertThat(Satisfaction.of(3)).contains(Satisfaction.BASICALLY_SATISFIED);
        assertThat(Satisfaction.BASICALLY_SATISFIED.label()).isEqualTo("基本满意");
        assertThat(Satisfaction.of(0)).isEmpty();
        assertThat(Satisfaction.of(6)).isEmpty();
        assertThat(Satisfaction.values()).filteredOn(Satisfaction::bad).extracting(Satisfaction::level).containsExactly(2, 1);
    }

    @Test
    void a_default_rating_says_so_and_a_long_comment_is_refused() {
        assertThat(new Rating(Satisfaction.BASICALLY_SATISFIED, true, null, true).summary())
                .isEqualTo("系统默认评价：基本满意，问题已解决");
        assertThatThrownBy(() -> new Rating(Satisfaction.SATISFIED, true, "好".repeat(501), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_return_visit_overturns_a_rating_it_contradicts_and_flags_a_closure_found_unresolved() {
        Rating good = new Rating(Satisfaction.SATISFIED, true, null, false);
        Rating bad = new Rating(Satisfaction.DISSATISFIED, true, null, false);
        VisitFinding unresolved = new VisitFinding(true, false, null, null);
        VisitFinding content = new VisitFinding(true, true, Satisfaction.VERY_SATISFIED, null);
        VisitFinding nobody = new VisitFinding(false, null, null, "无人接听");

        assertThat(unresolved.overturns(good)).isTrue();
        assertThat(unresolved.findsClosureUnresolved(good)).isTrue();
        assertThat(content.overturns(bad)).isTrue();
        assertThat(content.findsClosureUnresolved(bad)).isFalse();
        assertThat(content.overturns(good)).isFalse();
        assertThat(nobody.overturns(good)).isFalse();
        assertThat(content.overturns(null)).isFalse();
        assertThatThrownBy(() -> new VisitFinding(true, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VisitFinding(false, true, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_return_visit_sample_is_deterministic_and_close_to_its_percentage() {
        assertThat(ReturnVisitSample.bucket("1234567890123", 1)).isEqualTo(ReturnVisitSample.bucket("1234567890123", 1));
        long sampled = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> ReturnVisitSample.sampled(String.format("%013d", i), 1, 10)).count();
        assertThat(sampled).isBetween(800L, 1200L);
        assertThat(ReturnVisitSample.sampled("1234567890123", 1, 0)).isFalse();
        assertThat(ReturnVisitSample.sampled("1234567890123", 1, 100)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = { "评价 5|5|true|", "评价5|5|true|", "评价 2 未解决|2|false|", "评价 4 已解决|4|true|",
            "评价 3 未解决 还在等待退税|3|false|还在等待退税", "评价 1 态度很差|1|true|态度很差" })
    void wechat_ratings_are_read_from_short_texts(String text, int level, boolean resolved, String comment) {
        RatingCommand command = RatingCommand.parse(text).orElseThrow();
        assertThat(command.satisfaction().level()).isEqualTo(level);
        assertThat(command.resolved()).isEqualTo(resolved);
        assertThat(command.comment()).isEqualTo(comment);
        assertThat(RatingCommand.looksLikeRating(text)).isTrue();
    }

    @Test
    void other_texts_are_not_ratings() {
        assertThat(RatingCommand.parse("评价 6")).isEmpty();
        assertThat(RatingCommand.parse("评价 很好")).isEmpty();
        assertThat(RatingCommand.looksLikeRating("评价 6")).isTrue(); // answered with how to rate
        assertThat(RatingCommand.looksLikeRating("评价一下你们的办事效率，太慢了")).isFalse(); // an ordinary message
        assertThat(RatingCommand.parse("评价 1234567890123 4").orElseThrow().trackingNo()).isEqualTo("1234567890123");
    }

    @Test
    void rating_links_are_bound_to_appeal_and_round_and_expire() {
        RatingLinks links = new RatingLinks("a-test-secret-of-enough-length");
        Instant expires = Instant.parse("2026-12-01T00:00:00Z");
        String token = links.token("1234567890123", 2, expires);

        assertThat(links.check(token, expires.minusSeconds(1)))
                .isEqualTo(new RatingLinks.Valid("1234567890123", 2, expires));
        assertThat(links.check(token, expires)).isInstanceOf(RatingLinks.Expired.class);
        assertThat(links.check(token.replace("-2-", "-3-"), expires.minusSeconds(1))).isInstanceOf(RatingLinks.Forged.class);
        assertThat(links.check(token.replace("1234567890123", "1234567890124"), expires.minusSeconds(1)))
                .isInstanceOf(RatingLinks.Forged.class);
        String laterExpiry = token.replace("-" + expires.getEpochSecond() + "-", "-" + (expires.getEpochSecond() + 86400) + "-");
        assertThat(links.check(laterExpiry, expires)).isInstanceOf(RatingLinks.Forged.class);
        assertThat(new RatingLinks("another-secret-of-enough-length").check(token, expires.minusSeconds(1)))
                .isInstanceOf(RatingLinks.Forged.class);
        assertThat(links.check("<script>", expires)).isInstanceOf(RatingLinks.Forged.class);
        assertThat(links.check(null, expires)).isInstanceOf(RatingLinks.Forged.class);
    }
}
