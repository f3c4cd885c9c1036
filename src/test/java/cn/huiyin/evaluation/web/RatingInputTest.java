package cn.huiyin.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.shared.web.ProblemException;

/** A rating as submitted by the API or the rating page, checked at the edge. */
class RatingInputTest {

    private static void refusedNaming(Runnable submit, String field) {
        assertThatThrownBy(submit::run).isInstanceOfSatisfying(ProblemException.class, refused -> {
            assertThat(refused.problem().status()).isEqualTo(422);
            assertThat(refused.problem().type()).endsWith("/invalid-input");
            assertThat(refused.problem().field()).isEqualTo(field);
        });
    }

    @Test
    void a_complete_rating_is_the_enterprises_own() {
        assertThat(new RatingInput(true, 4, "  处理及时  ").toRating())
                .isEqualTo(new Rating(Satisfaction.SATISFIED, true, "处理及时", false));
        assertThat(new RatingInput(false, 1, " ").toRating().comment()).isNull();
    }

    @Test
    void whether_the_matter_is_resolved_must_be_said() {
        refusedNaming(() -> new RatingInput(null, 4, null).toRating(), "resolved");
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource(nullValues = "NULL", value = { "0", "6", "-3", "NULL" })
    void the_level_is_one_to_five(Integer level) {
        refusedNaming(() -> new RatingInput(true, level, null).toRating(), "level");
    }

    @Test
    void a_comment_is_at_most_five_hundred_characters_without_control_characters() {
        assertThat(new RatingInput(true, 5, "好".repeat(500)).toRating().comment()).hasSize(500);
        refusedNaming(() -> new RatingInput(true, 5, "好".repeat(501)).toRating(), "comment");
        refusedNaming(() -> new RatingInput(true, 5, "很好\u001b[31m").toRating(), "comment");
    }

    @Test
    void the_resolved_answer_is_checked_before_the_level() {
        refusedNaming(() -> new RatingInput(null, 9, "好".repeat(501)).toRating(), "resolved");
    }

    @Test
    void other_free_text_follows_the_same_rule_under_its_own_name() {
        assertThat(RatingInput.checkedText("reason", "  答复与事实不符 ")).isEqualTo("答复与事实不符");
        assertThat(RatingInput.checkedText("reason", "")).isNull();
        refusedNaming(() -> RatingInput.checkedText("note", "a\u0000b"), "note");
    }
}
