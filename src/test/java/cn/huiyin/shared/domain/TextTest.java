package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.shared.domain.Text.Flaw;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = { "普通的诉求描述", "第一行\n第二行\r\n第三行\t缩进", "emoji 😀 and 𠀀 (outside the BMP)", "" })
    void acceptsOrdinaryTextWithLineBreaksAndTabs(String text) {
        assertThat(Text.flaw(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\u001bb", "a\bb", "a\u000bb", "a\u007fb", "a\u0085b", "a\u009fb" })
    void refusesControlCharacters(String text) {
        assertThat(Text.flaw(text)).contains(Flaw.CONTROL_CHARACTER);
        assertThat(Text.hasControlCharacter(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\ud800\u4e00", "\u4e00\udc00", "end\ud83d", "\udc00\ud800" })
    void refusesUnpairedSurrogates(String text) {
        assertThat(Text.flaw(text)).contains(Flaw.UNPAIRED_SURROGATE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\uffffb", "a\ufffeb", "a\ufdd0b", "a\ud83f\udffe" })
    void refusesNoncharacters(String text) {
        assertThat(Text.flaw(text)).contains(Flaw.NONCHARACTER);
    }

    @Test
    void normalisesToComposedForm() {
        String decomposed = "e\u0301"; // e + combining acute
        assertThat(Text.normalized(decomposed)).isEqualTo("\u00e9");
        assertThat(Text.normalized("已经是NFC")).isEqualTo("已经是NFC");
    }

    @Test
    void countsCharactersAsCodePointsAfterTrimming() {
        assertThat(Text.length("  𠀀汉字  ")).isEqualTo(3);
    }
}
