package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.huiyin.shared.domain.Uscc.Defect;
import cn.huiyin.testsupport.Usccs;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @CsvSource({
        "914403001922038216, 6",
        "91512081MA62K0260E, E",
    })
    void publishedValidCodesParseAndCarryTheirCheckCharacter(String code, char check) {
        assertThat(Uscc.parse(code)).contains(new Uscc(code));
        assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(check);
        assertThat(Uscc.defectOf(code)).isEmpty();
    }

    @Test
    void surroundingSpacesAndLowerCaseAreTidiedIntoTheCanonicalForm() {
        assertThat(Uscc.parse("  91512081ma62k0260e\t")).map(Uscc::value).contains("91512081MA62K0260E");
        assertThat(Uscc.parse("\u300091512081MA62K0260E\u3000")).isPresent(); // ideographic spaces from a Chinese IME
    }

    @Test
    void acceptsExactlyWhatTheStandardsFormatAndCheckCharacterAccept() {
        var standardFormat = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
        var random = new Random(32100);
        for (int i = 0; i < 20_000; i++) {
            String first17 = Usccs.random().substring(0, 17);
            String candidate = first17 + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(36));
            boolean standardSays = standardFormat.matcher(candidate).matches()
                    && Uscc.checkCharacter(first17) == candidate.charAt(17);

            assertThat(Uscc.parse(candidate).isPresent()).as(candidate).isEqualTo(standardSays);
        }
    }

    @Test
    void thePublishedInvalidCodeIsRefusedBecauseItsCheckCharacterShouldBe3() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.parse("91350100M000100Y4Z")).isEmpty();
        assertThat(Uscc.defectOf("91350100M000100Y4Z")).contains(Defect.WRONG_CHECK_CHARACTER);
        assertThat(Uscc.parse("91350100M000100Y43")).isPresent();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        "914403001922038217,  WRONG_CHECK_CHARACTER, one digit off in the check character",
        "914403001922038226,  WRONG_CHECK_CHARACTER, a typo in the body",
        "91350100M000100Y4Z,  WRONG_CHECK_CHARACTER, a forbidden letter where the check character goes",
        "91440300192203821,   MALFORMED,             17 characters",
        "9144030019220382160, MALFORMED,             19 characters",
        "91512081IA62K0260E,  MALFORMED,             forbidden letter I",
        "91512081OA62K0260E,  MALFORMED,             forbidden letter O",
        "91512081SA62K0260E,  MALFORMED,             forbidden letter S",
        "91512081VA62K0260E,  MALFORMED,             forbidden letter V",
        "91512081ZA62K0260E,  MALFORMED,             forbidden letter Z",
        "9151208AMA62K0260E,  MALFORMED,             a letter in the 6-digit region code",
        "91512081MA62K026-E,  MALFORMED,             punctuation",
        "9144 03001922038216, MALFORMED,             a space inside",
    })
    void badCodesAreRefusedWithTheReason(String raw, Defect defect, String why) {
        assertThat(Uscc.parse(raw)).isEmpty();
        assertThat(Uscc.defectOf(raw)).contains(defect);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nothingAtAllIsMissingRatherThanMalformed(String raw) {
        assertThat(Uscc.parse(raw)).isEmpty();
        assertThat(Uscc.defectOf(raw)).contains(Defect.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "91512081ma62k0260e", " 914403001922038216"})
    void aUsccValueIsAlwaysCanonical(String notCanonical) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Uscc(notCanonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9144030019220382", "914403001922038216", "91440300192203821I"})
    void theCheckCharacterNeedsSeventeenCharactersFromTheAlphabet(String bad) {
        assertThatIllegalArgumentException().isThrownBy(() -> Uscc.checkCharacter(bad));
    }
}
