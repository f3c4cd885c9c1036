package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a WeChat follower is answered after sending "评价 n". */
class WechatRatingRepliesTest {

    @Test
    void a_good_rating_is_thanked_with_the_rating_in_words() {
        assertThat(WechatRatingReplies.thanks(RatingCommand.parse("评价 5").orElseThrow().rating()))
                .isEqualTo("感谢您的评价（非常满意，问题已解决）。");
    }

    @Test
    void a_bad_rating_is_thanked_and_told_that_the_unit_will_handle_it_again() {
        assertThat(WechatRatingReplies.thanks(RatingCommand.parse("评价 2 未解决").orElseThrow().rating()))
                .isEqualTo("感谢您的评价（不满意，问题未解决）。承办部门将重新办理，并再次答复您。");
        assertThat(WechatRatingReplies.thanks(RatingCommand.parse("评价 4 未解决").orElseThrow().rating()))
                .endsWith("承办部门将重新办理，并再次答复您。");
    }

    @Test
    void a_text_that_could_not_be_read_is_answered_with_how_to_rate() {
        assertThat(WechatRatingReplies.unreadable()).startsWith("未能识别您的评价。").endsWith(RatingCommand.HOW_TO);
    }

    @Test
    void a_refusal_says_whether_the_answer_was_rated_already_or_there_is_nothing_to_rate() {
        assertThat(WechatRatingReplies.refused("https://huiyin.cn/problems/already-rated")).isEqualTo("该答复已评价，每次答复只能评价一次。");
        assertThat(WechatRatingReplies.refused("https://huiyin.cn/problems/not-found")).isEqualTo("没有找到您待评价的诉求。");
        assertThat(WechatRatingReplies.refused("https://huiyin.cn/problems/not-awaiting-rating")).isEqualTo("没有找到您待评价的诉求。");
        assertThat(WechatRatingReplies.refused(null)).isEqualTo("没有找到您待评价的诉求。");
    }
}
