package cn.huiyin.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FreeTextValidatorTest {

    private static boolean accepts(String field, String value) {
        FreeTextValidator validator = new FreeTextValidator();
        validator.initialize(Rules.on(field, FreeText.class));
        return validator.isValid(value, null);
    }

    /** {@code reason} is required, 2 to 10 characters. */
    static Stream<Arguments> reasons() {
        return Stream.of(
                arguments("ab", true, "the fewest characters"),
                arguments("a", false, "one short"),
                arguments("  ab  ", true, "spaces around are not counted"),
                arguments("\u3000a\u3000", false, "nor are ideographic spaces, so one character is left"),
                arguments("字".repeat(10), true, "the most characters"),
                arguments("字".repeat(11), false, "one too many"),
                arguments("😀".repeat(10), true, "ten characters outside the BMP are ten, not twenty"),
                arguments("😀".repeat(11), false, "eleven of them are too many"),
                arguments("第一行\n第二行", true, "a line break is ordinary"),
                arguments("列一\t列二", true, "so is a tab"),
                arguments("a\u0000b", false, "NUL"),
                arguments("\u001b[31m红色", false, "an ANSI escape"),
                arguments("a\u0007b", false, "BEL"),
                arguments("a\u007fb", false, "DEL"),
                arguments("a\u0085b", false, "a C1 control (NEL)"),
                arguments("ab\ud800", false, "half a surrogate pair"),
                arguments("ab\ufffe", false, "a noncharacter"),
                arguments(null, false, "missing"),
                arguments("", false, "empty"),
                arguments("   ", false, "blank"),
                arguments("\u3000\u3000", false, "blank with ideographic spaces"),
                arguments("x".repeat(10_000), false, "10 000 characters"),
                arguments("字".repeat(10_000), false, "10 000 Chinese characters"),
                arguments(" ".repeat(9_999) + "ab", true, "10 000 characters that are mostly padding"),
                arguments("\u202eabc", true, "a right-to-left override is text to this rule, and counted"),
                arguments("a\u200bb", true, "so is a zero-width space"),
                arguments("مرحبا", true, "right-to-left script"),
                arguments("'; DROP--", true, "text that looks like SQL is still text"),
                arguments("1' OR '1", true, "and so is this"),
                arguments("<b>x</b>", true, "and markup"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("reasons")
    void a_required_field_takes_text_of_its_length_without_control_characters(String value, boolean ok, String why) {
        assertThat(accepts("reason", value)).as(why).isEqualTo(ok);
    }

    /** {@code note} is optional, at most 5 characters. */
    static Stream<Arguments> notes() {
        return Stream.of(
                arguments(null, true, "left out"),
                arguments("", true, "sent empty, as a form sends an unset field"),
                arguments(" \n ", true, "blank"),
                arguments("短", true, "given and within its length"),
                arguments("六个字太长了", false, "given and too long"),
                arguments("\u0000", false, "given and a control character"),
                arguments("x".repeat(10_000), false, "10 000 characters"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("notes")
    void an_optional_field_may_be_left_out_but_given_it_follows_the_rule(String value, boolean ok, String why) {
        assertThat(accepts("note", value)).as(why).isEqualTo(ok);
    }
}
