package cn.huiyin.channel.wechat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowerRepliesTest {

    private static final String NUMBER = "2611250042175";

    @Test
    void an_accepted_appeal_is_answered_with_its_number_grouped_as_it_is_read() {
        assertThat(FollowerReplies.accepted(NUMBER, true)).isEqualTo(
                "您的诉求已受理，诉求编号：261125 004217 5。我们将派给负责部门办理，办理进展会通过本公众号通知您。");
    }

    @Test
    void a_follower_without_a_binding_is_also_asked_how_to_bind() {
        assertThat(FollowerReplies.accepted(NUMBER, false))
                .isEqualTo(FollowerReplies.accepted(NUMBER, true) + FollowerReplies.ASK_IDENTITY)
                .endsWith("请回复：绑定 统一社会信用代码 手机号（例如：绑定 914403001922038216 13800138000）。");
    }

    @Test
    void a_supplement_names_the_appeal_it_was_added_to() {
        assertThat(FollowerReplies.supplemented(NUMBER)).isEqualTo("已将您的补充内容加入诉求 261125 004217 5。");
    }

    @Test
    void a_number_that_is_no_tracking_number_is_shown_as_it_is() {
        assertThat(FollowerReplies.spoken("HY-2024-000123")).isEqualTo("HY-2024-000123");
    }
}
