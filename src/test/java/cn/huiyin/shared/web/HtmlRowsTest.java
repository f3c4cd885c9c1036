package cn.huiyin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Variant;

class HtmlRowsTest {

    @Test
    void values_are_escaped_and_markup_is_kept() {
        String html = new HtmlRows(1).markup("<td title=\"").text("\"><script>'x' & y").markup("\">").text("诉求")
                .markup("</td>").done().getValue();

        assertThat(html).isEqualTo("<td title=\"&quot;&gt;&lt;script&gt;&#39;x&#39; &amp; y\">诉求</td>");
    }

    @Test
    void values_are_escaped_as_the_template_engine_escapes_them() {
        Engine engine = Engine.builder().addDefaults().addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        String hostile = "\"><script>alert('x')</script> & 诉求 <img src=x onerror=y> `~ \u00a0";

        String byTemplate = engine.parse("{value}", Variant.forContentType(Variant.TEXT_HTML)).data("value", hostile).render();

        assertThat(new HtmlRows(1).text(hostile).done().getValue()).isEqualTo(byTemplate);
    }

    @Test
    void a_missing_value_writes_nothing() {
        assertThat(new HtmlRows(1).markup("<td>").text(null).markup("</td>").done().getValue()).isEqualTo("<td></td>");
    }

    @Test
    void no_rows_is_empty() {
        assertThat(new HtmlRows(0).done().getValue()).isEmpty();
    }
}
