package cn.huiyin.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnitCodeValidatorTest {

    private static boolean accepts(String field, String value) {
        UnitCodeValidator validator = new UnitCodeValidator();
        validator.initialize(Rules.on(field, UnitCode.class));
        return validator.isValid(value, null);
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                arguments("SAMR", true, "a unit"),
                arguments("TAX", true, "a short unit"),
                arguments("TAX_SERVICE", true, "a category"),
                arguments("ST-01", true, "digits and a hyphen after the first letter"),
                arguments("A" + "B".repeat(31), true, "32 characters"),
                arguments("A" + "B".repeat(32), false, "33 characters"),
                arguments("S", false, "one letter"),
                arguments("samr", false, "lower case"),
                arguments("Samr", false, "mixed case"),
                arguments("1SAMR", false, "a digit first"),
                arguments("_SAMR", false, "an underscore first"),
                arguments(" SAMR", false, "a space before"),
                arguments("SAMR ", false, "a space after"),
                arguments("SA MR", false, "a space inside"),
                arguments("SAMR\n", false, "a trailing line break"),
                arguments("SAMR\u0000", false, "a NUL"),
                arguments("ＳＡＭＲ", false, "full-width letters"),
                arguments("SAMR\u200b", false, "a zero-width space"),
                arguments("\u202eSAMR", false, "a right-to-left override"),
                arguments("SAMR';--", false, "SQL-ish punctuation"),
                arguments("A".repeat(10_000), false, "10 000 letters"),
                arguments(null, false, "missing"),
                arguments("", false, "empty"),
                arguments("  ", false, "blank"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("codes")
    void a_code_is_a_capital_then_capitals_digits_underscores_or_hyphens(String value, boolean ok, String why) {
        assertThat(accepts("unit", value)).as(why).isEqualTo(ok);
    }

    static Stream<Arguments> optionalCodes() {
        return Stream.of(arguments(null, true), arguments("", true), arguments("   ", true), arguments("ECO", true),
                arguments("eco", false), arguments("E", false));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("optionalCodes")
    void an_optional_code_may_be_left_out_but_given_it_follows_the_rule(String value, boolean ok) {
        assertThat(accepts("otherUnit", value)).isEqualTo(ok);
    }
}
