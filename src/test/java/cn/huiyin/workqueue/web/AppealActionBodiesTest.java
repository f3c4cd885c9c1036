package cn.huiyin.workqueue.web;

import static cn.huiyin.workqueue.web.Bodies.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.huiyin.workqueue.web.AppealActionsResource.Answer;
import cn.huiyin.workqueue.web.AppealActionsResource.ExtensionAsk;
import cn.huiyin.workqueue.web.AppealActionsResource.FirstContact;
import cn.huiyin.workqueue.web.AppealActionsResource.Note;
import cn.huiyin.workqueue.web.AppealActionsResource.Reason;
import cn.huiyin.workqueue.web.AppealActionsResource.Transfer;

/** The rules of a commissioner's step bodies, which the staff pages' forms share. */
class AppealActionBodiesTest {

    private static final String ANSWER = "经核实，贵司授信额度已按规定调增，请重新登录电子税务局开票。";

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments(new Answer(ANSWER), "a real answer"),
                arguments(new Answer("已按规定办理完毕请查收"), "ten characters are enough"),
                arguments(new Note("已电话联系企业", null), "a note, visibility left out"),
                arguments(new FirstContact(null), "a first contact without a word"),
                arguments(new FirstContact(" "), "or with a blank one"),
                arguments(new Transfer("EMG", "涉及安全生产"), "a transfer to a unit code with a reason"),
                arguments(new Reason("不属本单位"), "a return's reason"),
                arguments(new ExtensionAsk("HANDLE", 1, "需要现场核查"), "one more working day for handling"),
                arguments(new ExtensionAsk("REWORK", 10, "需要现场核查"), "ten for rework"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("accepted")
    void a_body_that_keeps_the_rules_is_taken(Object body, String scenario) {
        assertThat(rejected(body)).isEmpty();
    }

    static Stream<Arguments> refused() {
        String answerRule = "answer is 10 to 2000 characters, without control characters";
        String days = "workingDays is 1 to 10 working days";
        String clock = "clock is HANDLE or REWORK, the clock the extension is asked for";
        return Stream.of(
                arguments(new Answer("好的"), answerRule, "an answer that says nothing"),
                arguments(new Answer("答".repeat(2001)), answerRule, "an answer over 2000 characters"),
                arguments(new Answer(" \u3000 "), answerRule, "blanks only"),
                arguments(new Answer(null), answerRule, "no answer"),
                arguments(new Answer("已按规定\u0007办理完毕请查收"), answerRule, "a control character"),
                arguments(new Note("进展".repeat(501), true), "note is 1 to 1000 characters, without control characters",
                        "a note over 1000 characters"),
                arguments(new Note("", false), "note is 1 to 1000 characters, without control characters", "an empty note"),
                arguments(new FirstContact("联系".repeat(251)), "note is 1 to 500 characters, without control characters",
                        "a first-contact note over 500"),
                arguments(new Transfer("samr", "属于商事登记事项"), "toUnit is a unit code such as SAMR", "a unit code in lower case"),
                arguments(new Transfer("SAMR'; DROP TABLE appeal; --", "属于商事登记事项"), "toUnit is a unit code such as SAMR",
                        "SQL for a unit"),
                arguments(new Transfer("SAMR\u200b", "属于商事登记事项"), "toUnit is a unit code such as SAMR", "an invisible space"),
                arguments(new Reason("x"), "reason is 2 to 500 characters, without control characters", "a one-letter reason"),
                arguments(new ExtensionAsk("handle", 3, "需要现场核查"), clock, "a clock in lower case"),
                arguments(new ExtensionAsk("RESPOND", 3, "需要现场核查"), clock, "a clock that cannot be extended here"),
                arguments(new ExtensionAsk(null, 3, "需要现场核查"), clock, "no clock"),
                arguments(new ExtensionAsk("HANDLE", 0, "需要现场核查"), days, "no days"),
                arguments(new ExtensionAsk("HANDLE", 11, "需要现场核查"), days, "eleven days"),
                arguments(new ExtensionAsk("HANDLE", null, "需要现场核查"), days, "days left out"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("refused")
    void a_body_that_breaks_a_rule_is_refused_naming_the_field_and_the_rule(Object body, String refusal, String scenario) {
        assertThat(rejected(body)).containsExactly(refusal);
    }

    @Test
    void every_broken_field_is_named_in_the_order_of_the_body() {
        assertThat(rejected(new Transfer("samr", "x"))).containsExactly("toUnit is a unit code such as SAMR",
                "reason is 2 to 500 characters, without control characters");
        assertThat(rejected(new ExtensionAsk("handle", 0, "x"))).containsExactly(
                "clock is HANDLE or REWORK, the clock the extension is asked for", "workingDays is 1 to 10 working days",
                "reason is 2 to 500 characters, without control characters");
    }
}
