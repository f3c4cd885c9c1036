package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rating recorded when the rating window runs out unrated. */
class RatingDefaultTest {

    @Test
    void the_usual_default_is_basically_satisfied_and_resolved_and_so_closes_the_round_as_good() {
        Rating rating = RatingDefault.of(3, true).rating();

        assertThat(rating.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(rating.resolved()).isTrue();
        assertThat(rating.good()).isTrue();
        assertThat(rating.comment()).isNull();
    }

    @Test
    void a_default_is_never_passed_off_as_the_enterprises_own() {
        Rating rating = RatingDefault.of(4, true).rating();
        assertThat(rating.defaulted()).isTrue();
        assertThat(rating.summary()).isEqualTo("系统默认评价：满意，问题已解决");
    }

    @Test
    void a_default_configured_as_unresolved_or_dissatisfied_sends_the_appeal_to_rework_like_any_bad_rating() {
        assertThat(RatingDefault.of(3, false).rating().good()).isFalse();
        assertThat(RatingDefault.of(2, true).rating().good()).isFalse();
        assertThat(RatingDefault.of(2, true).rating().summary()).isEqualTo("系统默认评价：不满意，问题已解决");
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(ints = { 0, 6, -1, 33 })
    void a_default_level_outside_one_to_five_is_refused(int level) {
        assertThatThrownBy(() -> RatingDefault.of(level, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 5");
    }
}
