package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rating sent as a WeChat text: "评价 5", "评价 2 未解决", "评价 <tracking number> 4", a comment after. */
class RatingCommandTest {

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
    void ideographic_spaces_and_spaces_around_count_like_ordinary_ones() {
        RatingCommand command = RatingCommand.parse("  评价\u30004\u3000已解决\u3000办理及时 ").orElseThrow();
        assertThat(command.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(command.resolved()).isTrue();
        assertThat(command.comment()).isEqualTo("办理及时");
    }

    @Test
    void a_named_appeal_may_be_rated_unresolved_with_a_comment() {
        RatingCommand command = RatingCommand.parse("评价 2612070000013 2 未解决 还没有退税").orElseThrow();
        assertThat(command).isEqualTo(new RatingCommand("2612070000013", Satisfaction.DISSATISFIED, false, "还没有退税"));
        assertThat(command.rating()).isEqualTo(new Rating(Satisfaction.DISSATISFIED, false, "还没有退税", false));
        assertThat(command.rating().good()).isFalse();
    }

    @Test
    void without_a_tracking_number_the_senders_answered_appeal_is_meant() {
        assertThat(RatingCommand.parse("评价 5").orElseThrow().trackingNo()).isNull();
    }

    @Test
    void a_comment_over_five_hundred_characters_makes_no_rating() {
        assertThat(RatingCommand.parse("评价 4 " + "好".repeat(500))).isPresent();
        assertThat(RatingCommand.parse("评价 4 " + "好".repeat(501))).isEmpty();
    }

    @Test
    void a_text_rating_is_the_enterprises_own_never_a_default() {
        assertThat(RatingCommand.parse("评价 3").orElseThrow().rating().defaulted()).isFalse();
        assertThat(RatingCommand.parse("评价 3").orElseThrow().rating().summary()).isEqualTo("基本满意，问题已解决");
    }

    @Test
    void how_to_rate_names_every_level_and_how_to_say_unresolved() {
        assertThat(RatingCommand.HOW_TO).contains("5 非常满意", "4 满意", "3 基本满意", "2 不满意", "1 非常不满意", "评价 2 未解决");
        assertThat(RatingCommand.looksLikeRating("评价")).isTrue();
        assertThat(RatingCommand.parse("评价")).isEmpty();
    }
}
