package cn.huiyin.channel.phone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallerNumbersTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("writtenAndComparable")
    void aNumberIsBroughtToItsDomesticDigits(String written, String comparable) {
        assertThat(CallerNumbers.comparable(written)).isEqualTo(comparable);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("maskedForLogs")
    void aNumberIsMaskedForLogs(String number, String masked) {
        assertThat(CallerNumbers.masked(number)).isEqualTo(masked);
    }

    static Stream<Arguments> writtenAndComparable() {
        return Stream.of(
                arguments("13800138000", "13800138000"),
                arguments("+86 138-0013-8000", "13800138000"),
                arguments("0086 13800138000", "13800138000"),
                arguments("8613800138000", "13800138000"),
                arguments("020-12345678", "02012345678"),
                arguments("(020) 1234 5678", "02012345678"),
                arguments("+86 20 1234 5678", "02012345678"),
                arguments("+86 (0)20 1234 5678", "02012345678"),
                arguments("862012345678", "02012345678"),
                arguments("+86 755 8888 6666", "075588886666"),
                arguments("+86 400-123-4567", "4001234567"),
                arguments("800 123 4567", "8001234567"),
                arguments("86123456", "86123456"),
                arguments("12345", "12345"),
                arguments("+4930 1234567", "+49301234567"),
                arguments("anonymous", "anonymous"));
    }

    static Stream<Arguments> maskedForLogs() {
        return Stream.of(
                arguments("13800138000", "138****8000"),
                arguments("02012345678", "020****5678"),
                arguments("12345", "****"),
                arguments(null, null));
    }
}
