package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumberTest {

    private static final String SAMPLE = "2611250042175";

    @Test
    void isTheIntakeDayThenTheSerialThenTheCheckDigit() {
        TrackingNumber number = TrackingNumber.issue(LocalDate.of(2026, 11, 25), 4217);

        assertThat(number.value()).isEqualTo(SAMPLE);
        assertThat(number.intakeDay()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void isGroupedForReadingAloud() {
        assertThat(new TrackingNumber(SAMPLE).spoken()).isEqualTo("261125 004217 5");
    }

    @Test
    void theSerialWrapsAtOneMillion() {
        LocalDate day = LocalDate.of(2026, 11, 25);

        assertThat(TrackingNumber.issue(day, 1_004_217)).isEqualTo(TrackingNumber.issue(day, 4217));
        assertThat(TrackingNumber.issue(day, 999_999).value()).startsWith("261125999999");
        assertThat(TrackingNumber.issue(day, 1_000_000).value()).startsWith("261125000000");
    }

    @Test
    void everyPartIsZeroPaddedToItsWidth() {
        long[] serials = {0, 7, 42, 999, 1_000, 99_999, 100_000, 999_999, 1_000_042, Long.MAX_VALUE};
        for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() < 2100; day = day.plusDays(37)) {
            for (long serial : serials) {
                String layout = String.format(Locale.ROOT, "%02d%02d%02d%06d", day.getYear() % 100,
                        day.getMonthValue(), day.getDayOfMonth(), serial % 1_000_000);

                assertThat(TrackingNumber.issue(day, serial).value()).hasSize(13).startsWith(layout);
            }
        }
    }

    @Test
    void theIntakeDayIsTheDayInShanghaiNotInUtc() {
        Instant lateEveningUtc = Instant.parse("2025-12-31T16:30:00Z"); // 00:30 on 1 January in Shanghai

        assertThat(TrackingNumber.issue(lateEveningUtc, 1).value()).startsWith("260101000001");
    }

    @Test
    void anIssuedNumberParsesBackAsWrittenAndAsSpoken() {
        TrackingNumber issued = TrackingNumber.issue(LocalDate.of(2025, 2, 3), 42);

        assertThat(TrackingNumber.parse(issued.value())).contains(issued);
        assertThat(TrackingNumber.parse(issued.spoken())).contains(issued);
    }

    @ParameterizedTest
    @ValueSource(strings = {"261125 004217 5", "261125-004217-5", "  2611 2500 4217 5 ", "2611-2500-42175"})
    void spacesAndHyphensAreIgnored(String written) {
        assertThat(TrackingNumber.parse(written)).contains(new TrackingNumber(SAMPLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySingleDigitTypoOfTheSample")
    void everySingleDigitTypoIsRefused(String typo) {
        assertThat(DammCheckDigit.isValid(typo)).as("caught by the check digit alone").isFalse();
        assertThat(TrackingNumber.parse(typo)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAdjacentSwapOfTheSample")
    void everySwapOfNeighbouringDigitsIsRefused(String swapped) {
        assertThat(DammCheckDigit.isValid(swapped)).as("caught by the check digit alone").isFalse();
        assertThat(TrackingNumber.parse(swapped)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"261125004217", "26112500421750", "26112500421A5", "２６１１２５００４２１７５"})
    void anythingButThirteenDigitsIsRefused(String raw) {
        assertThat(TrackingNumber.parse(raw)).isEmpty();
    }

    @Test
    void aDayThatDoesNotExistIsRefusedEvenWithTheRightCheckDigit() {
        String monthThirteen = "261325004217";

        assertThat(TrackingNumber.parse(monthThirteen + DammCheckDigit.compute(monthThirteen))).isEmpty();
    }

    @Test
    void issuingNeedsANonNegativeSerialAndATwoDigitYear() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.issue(LocalDate.of(2026, 1, 1), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.issue(LocalDate.of(2100, 1, 1), 1));
    }

    @Test
    void aTrackingNumberValueIsAlwaysValid() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingNumber("2611250042174"));
    }

    static List<String> everySingleDigitTypoOfTheSample() {
        List<String> typos = new ArrayList<>();
        for (int position = 0; position < SAMPLE.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != SAMPLE.charAt(position)) {
                    typos.add(SAMPLE.substring(0, position) + digit + SAMPLE.substring(position + 1));
                }
            }
        }
        return typos;
    }

    static List<String> everyAdjacentSwapOfTheSample() {
        List<String> swaps = new ArrayList<>();
        for (int i = 0; i + 1 < SAMPLE.length(); i++) {
            if (SAMPLE.charAt(i) != SAMPLE.charAt(i + 1)) {
                swaps.add(SAMPLE.substring(0, i) + SAMPLE.charAt(i + 1) + SAMPLE.charAt(i) + SAMPLE.substring(i + 2));
            }
        }
        return swaps;
    }
}
