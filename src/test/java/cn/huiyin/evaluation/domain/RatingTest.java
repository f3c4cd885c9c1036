package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A round's rating (好差评): what counts as good, and how the timeline words it. */
class RatingTest {

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

    @ParameterizedTest(name = "level {0} is {1}")
    @CsvSource({ "5, 非常满意", "4, 满意", "3, 基本满意", "2, 不满意", "1, 非常不满意" })
    void each_level_has_its_name(int level, String label) {
        assertThat(Satisfaction.of(level).orElseThrow().label()).isEqualTo(label);
        assertThat(Satisfaction.of(level).orElseThrow().level()).isEqualTo(level);
    }

    @Test
    void a_default_rating_says_so_and_a_long_comment_is_refused() {
        assertThat(new Rating(Satisfaction.BASICALLY_SATISFIED, true, null, true).summary())
                .isEqualTo("系统默认评价：基本满意，问题已解决");
        assertThatThrownBy(() -> new Rating(Satisfaction.SATISFIED, true, "好".repeat(501), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_enterprises_own_rating_is_worded_with_whether_the_matter_is_resolved() {
        assertThat(new Rating(Satisfaction.SATISFIED, true, "处理及时", false).summary()).isEqualTo("满意，问题已解决");
        assertThat(new Rating(Satisfaction.VERY_DISSATISFIED, false, null, false).summary()).isEqualTo("非常不满意，问题未解决");
    }

    @Test
    void a_comment_is_counted_in_characters_not_in_java_chars() {
        assertThat(new Rating(Satisfaction.SATISFIED, true, "😀".repeat(500), false).comment()).hasSize(1000);
        assertThatThrownBy(() -> new Rating(Satisfaction.SATISFIED, true, "😀".repeat(501), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rating_without_a_level_is_no_rating() {
        assertThatThrownBy(() -> new Rating(null, true, null, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
