package cn.huiyin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.shared.web.FormDecoder.Field;
import cn.huiyin.shared.web.FormDecoder.MalformedForm;

class FormDecoderTest {

    private static List<Field> decode(String body) {
        return FormDecoder.decode(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesPercentEncodedUtf8AndPlusAsSpace() {
        assertThat(decode("title=%E6%95%B0%E7%94%B5%E5%8F%91%E7%A5%A8&note=a+b%2Bc&empty=&flag"))
                .containsExactly(new Field("title", "数电发票"), new Field("note", "a b+c"), new Field("empty", ""),
                        new Field("flag", ""));
    }

    @Test
    void turnsBrowserLineBreaksIntoOneCharacterAndComposesText() {
        assertThat(decode("description=%E7%AC%AC%E4%B8%80%E8%A1%8C%0D%0A%E7%AC%AC%E4%BA%8C%E8%A1%8C&name=e%CC%81"))
                .containsExactly(new Field("description", "第一行\n第二行"), new Field("name", "\u00e9"));
    }

    @Test
    void takesAFullLengthDescription() {
        String description = "描".repeat(2_000);
        String encoded = java.net.URLEncoder.encode(description, StandardCharsets.UTF_8);
        assertThat(decode("description=" + encoded)).containsExactly(new Field("description", description));
    }

    @ParameterizedTest
    @ValueSource(strings = { "note=%zz", "note=%", "note=abc%", "note=%4", "note=%G1", "note=%e4%b8" })
    void refusesMalformedPercentEncodingAndNamesTheField(String body) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(MalformedForm.class)
                .satisfies(e -> assertThat(((MalformedForm) e).field()).isEqualTo("note"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "note=%C0%AF", "note=%ED%A0%80", "note=%FF", "note=%F4%90%80%80" })
    void refusesBytesThatAreNotUtf8IncludingOverlongFormsAndSurrogates(String body) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(MalformedForm.class).hasMessageContaining("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = { "note=a%00b", "note=%1B", "note=%08x", "note=%0B", "note=%C2%85" })
    void refusesControlCharacters(String body) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(MalformedForm.class).hasMessageContaining("control");
    }

    @Test
    void refusesAMalformedFieldName() {
        assertThatThrownBy(() -> decode("no%zzte=1")).isInstanceOf(MalformedForm.class)
                .satisfies(e -> assertThat(((MalformedForm) e).field()).isNull());
    }

    @Test
    void refusesMoreFieldsThanAnyFormHas() {
        String body = "a=1&".repeat(FormDecoder.MAX_FIELDS + 1);
        assertThatThrownBy(() -> decode(body)).isInstanceOf(MalformedForm.class).hasMessageContaining("fields");
    }

    @Test
    void anEmptyBodyIsAnEmptyForm() {
        assertThat(decode("")).isEmpty();
        assertThat(decode("&&")).isEmpty();
    }
}
