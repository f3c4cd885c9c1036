package cn.huiyin.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MobileValidatorTest {

    private static boolean accepts(String field, String value) {
        MobileValidator validator = new MobileValidator();
        validator.initialize(Rules.on(field, Mobile.class));
        return validator.isValid(value, null);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments("13800138000", true, "11 digits starting 13"),
                arguments("19912345678", true, "starting 19"),
                arguments("+86 138-0013-8000", true, "written with a country prefix, spaces and hyphens"),
                arguments("138\u30000013\u30008000", true, "with ideographic spaces"),
                arguments("12800138000", false, "second digit 2"),
                arguments("1380013800", false, "10 digits"),
                arguments("138001380000", false, "12 digits"),
                arguments("+85213800138", false, "Hong Kong"),
                arguments("138\u000b00138000", false, "a vertical tab, which the number rule alone would take for a space"),
                arguments("13800138000\u0000", false, "a NUL after"),
                arguments("1380013\u200b8000", false, "a zero-width space inside"),
                arguments("\u202e13800138000", false, "a right-to-left override before"),
                arguments("١٣٨٠٠١٣٨٠٠٠", false, "Arabic-Indic digits"),
                arguments("13800138000' OR '1'='1", false, "SQL-ish text after a number"),
                arguments("1".repeat(10_000), false, "10 000 digits"),
                arguments(null, false, "missing"),
                arguments("", false, "empty"),
                arguments("  ", false, "blank"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("numbers")
    void a_number_is_a_mainland_mobile_as_the_domain_reads_it(String value, boolean ok, String why) {
        assertThat(accepts("mobile", value)).as(why).isEqualTo(ok);
    }

    static Stream<Arguments> optionalNumbers() {
        return Stream.of(arguments(null, true), arguments("", true), arguments("13800138000", true), arguments("12800138000", false));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("optionalNumbers")
    void an_optional_number_may_be_left_out_but_given_it_follows_the_rule(String value, boolean ok) {
        assertThat(accepts("otherMobile", value)).isEqualTo(ok);
    }
}
