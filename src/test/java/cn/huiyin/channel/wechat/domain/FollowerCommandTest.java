package cn.huiyin.channel.wechat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.huiyin.channel.wechat.domain.FollowerCommand.Bind;
import cn.huiyin.channel.wechat.domain.FollowerCommand.Blank;
import cn.huiyin.channel.wechat.domain.FollowerCommand.ConfirmBinding;
import cn.huiyin.channel.wechat.domain.FollowerCommand.Describe;
import cn.huiyin.channel.wechat.domain.FollowerCommand.Escalate;
import cn.huiyin.channel.wechat.domain.FollowerCommand.Feedback;
import cn.huiyin.channel.wechat.domain.FollowerCommand.ListAppeals;
import cn.huiyin.channel.wechat.domain.FollowerCommand.Rate;

class FollowerCommandTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("", new Blank()),
                Arguments.of(" \u3000\n ", new Blank()),
                Arguments.of("查询", new ListAppeals()),
                Arguments.of("  查询\n", new ListAppeals()),
                Arguments.of("验证 123456", new ConfirmBinding("123456")),
                Arguments.of("验证123456", new ConfirmBinding("123456")),
                Arguments.of("评价", new Rate("评价")),
                Arguments.of(" 评价 2 未解决 ", new Rate("评价 2 未解决")),
                Arguments.of("评价 9", new Rate("评价 9")),
                Arguments.of("绑定 914403001922038216 13800138000",
                        new Bind("914403001922038216", "13800138000")),
                Arguments.of("绑定\u3000914403001922038216\u3000138 0013 8000",
                        new Bind("914403001922038216", "138 0013 8000")),
                Arguments.of(" 转人工 ", new Escalate()),
                Arguments.of("有用", new Feedback(true)),
                Arguments.of("没用\n", new Feedback(false)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("texts")
    void an_exact_command_shape_is_that_command(String text, FollowerCommand expected) {
        assertThat(FollowerCommand.of(text)).isEqualTo(expected);
    }

    /** Words a complaint may well start with: they must reach a department, not be swallowed as a command. */
    static Stream<String> complaints() {
        return Stream.of("查询一下为什么三天还没人处理", "验证码收不到", "验证 12345", "评价一下你们的服务",
                "绑定一下企业", "绑定 91440300192203821 13800138000", "园区停电三天，影响生产",
                "转人工服务一直打不通", "没用的东西又坏了", "有用电增容的办法吗");
    }

    @ParameterizedTest
    @MethodSource("complaints")
    void text_that_only_resembles_a_command_is_a_described_problem_in_its_own_words(String text) {
        assertThat(FollowerCommand.of("\u3000 " + text + " \n")).isEqualTo(new Describe(text));
    }

    @Test
    void text_typed_in_decomposed_form_is_kept_in_composed_form() {
        assertThat(FollowerCommand.of("Cafe\u0301 停电")).isEqualTo(new Describe("Caf\u00e9 停电"));
    }
}
