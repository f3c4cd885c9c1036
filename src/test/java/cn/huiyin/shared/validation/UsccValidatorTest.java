package cn.huiyin.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsccValidatorTest {

    private static boolean accepts(String field, String value) {
        UsccValidator validator = new UsccValidator();
        validator.initialize(Rules.on(field, Uscc.class));
        return validator.isValid(value, null);
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                arguments("914403001922038216", true, "a published valid code"),
                arguments("91512081MA62K0260E", true, "one with letters"),
                arguments("91350100M000100Y43", true, "the published example, corrected"),
                arguments(" 91512081ma62k0260e\t", true, "spaces around and lower case are forgiven, as the domain forgives them"),
                arguments("914403001922038217", false, "a wrong check character"),
                arguments("91350100M000100Y4Z", false, "a forbidden letter as the check character"),
                arguments("91440300192203821", false, "17 characters"),
                arguments("9144030019220382160", false, "19 characters"),
                arguments("91512081IA62K0260E", false, "a forbidden letter I"),
                arguments("9144030019220\u000038216", false, "a NUL inside"),
                arguments("91512081MA62K0260E\u200b", false, "a zero-width space after"),
                arguments("\u202e91512081MA62K0260E", false, "a right-to-left override before"),
                arguments("' OR 1=1 --", false, "SQL-ish text"),
                arguments("9".repeat(10_000), false, "10 000 digits"),
                arguments(null, false, "missing"),
                arguments("", false, "empty"),
                arguments(" ", false, "blank"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("codes")
    void a_code_has_the_standards_shape_and_a_right_check_character(String value, boolean ok, String why) {
        assertThat(accepts("uscc", value)).as(why).isEqualTo(ok);
    }

    static Stream<Arguments> optionalCodes() {
        return Stream.of(arguments(null, true), arguments("", true), arguments("914403001922038216", true),
                arguments("914403001922038217", false));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("optionalCodes")
    void an_optional_code_may_be_left_out_but_given_it_follows_the_rule(String value, boolean ok) {
        assertThat(accepts("otherUscc", value)).isEqualTo(ok);
    }
}
