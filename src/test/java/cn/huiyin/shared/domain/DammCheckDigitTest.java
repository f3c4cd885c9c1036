package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DammCheckDigitTest {

    @ParameterizedTest
    @CsvSource({
        "572,          4", // the worked example in Damm's algorithm's usual description
        "261125004217, 5",
        "0,            0",
    })
    void computesTheKnownCheckDigit(String digits, char check) {
        assertThat(DammCheckDigit.compute(digits)).isEqualTo(check);
        assertThat(DammCheckDigit.isValid(digits + check)).isTrue();
    }

    @Test
    void catchesEverySingleDigitErrorInEveryFourDigitNumber() {
        for (int n = 0; n < 10_000; n++) {
            String number = String.format(Locale.ROOT, "%04d", n);
            String withCheck = number + DammCheckDigit.compute(number);
            for (int position = 0; position < withCheck.length(); position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit != withCheck.charAt(position)) {
                        String typo = withCheck.substring(0, position) + digit + withCheck.substring(position + 1);
                        assertThat(DammCheckDigit.isValid(typo)).as(typo).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void catchesEveryAdjacentSwapInEveryFourDigitNumber() {
        for (int n = 0; n < 10_000; n++) {
            String number = String.format(Locale.ROOT, "%04d", n);
            String withCheck = number + DammCheckDigit.compute(number);
            for (int i = 0; i + 1 < withCheck.length(); i++) {
                if (withCheck.charAt(i) != withCheck.charAt(i + 1)) {
                    String swapped = withCheck.substring(0, i) + withCheck.charAt(i + 1) + withCheck.charAt(i)
                            + withCheck.substring(i + 2);
                    assertThat(DammCheckDigit.isValid(swapped)).as(swapped).isFalse();
                }
            }
        }
    }

    @Test
    void onlyDigitsAreAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> DammCheckDigit.compute("12a"));
        assertThat(DammCheckDigit.isValid("")).isFalse();
    }
}
