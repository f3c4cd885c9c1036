package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "13800138000,            13800138000",
        "+86 138-0013-8000,      13800138000",
        "008613800138000,        13800138000",
        "8613800138000,          13800138000",
        "+8613800138000,         13800138000",
        "0086-138-0013-8000,     13800138000",
        "138 0013 8000,          13800138000",
        "'  19912345678  ',      19912345678",
        "+86-199 1234 5678,      19912345678",
        "13012345678,            13012345678",
        "'138　0013　8000',     13800138000",
    })
    void writtenTheWaysPeopleWriteItANumberIsUnderstood(String raw, String normalized) {
        assertThat(MobileNumber.parse(raw)).map(MobileNumber::normalized).contains(normalized);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {
        "12800138000",        // second digit must be 3-9
        "10800138000",
        "1380013800",         // 10 digits
        "138001380000",       // 12 digits
        "+861380013800",      // prefix followed by 10 digits
        "86138001380",        // 11 digits starting 86: not a prefix, and not a mobile
        "+85213800138",       // Hong Kong
        "1380013800a",
        "abcdefghijk",
        "１３８００１３８０００", // full-width digits
        "   ",
        "138.0013.8000",
        "1 3 8 - 0 0 1 3 - 8 0 0 0 - - - - - -", // more than 32 characters
    })
    void anythingElseIsRefused(String raw) {
        assertThat(MobileNumber.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotANumber(String raw) {
        assertThat(MobileNumber.parse(raw)).isEmpty();
    }

    @Test
    void theOriginalIsKeptBesideTheNormalizedNumber() {
        MobileNumber number = MobileNumber.parse("+86 138-0013-8000").orElseThrow();

        assertThat(number.original()).isEqualTo("+86 138-0013-8000");
        assertThat(number.normalized()).isEqualTo("13800138000");
    }

    @Test
    void maskedShowsTheFirstThreeAndLastFourDigits() {
        assertThat(MobileNumber.parse("008613800138000").orElseThrow().masked()).isEqualTo("138****8000");
    }

    @Test
    void theNumberDoesNotLeakIntoLogsThroughToString() {
        assertThat(MobileNumber.parse("13800138000").orElseThrow().toString())
                .contains("138****8000")
                .doesNotContain("13800138000");
    }

    @Test
    void aMobileNumberValueIsAlwaysValid() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("12800138000", "12800138000"));
    }
}
