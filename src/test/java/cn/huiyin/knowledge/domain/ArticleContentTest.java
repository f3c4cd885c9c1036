package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.domain.FieldViolation;

/** The field rules of an article's content, each named by its field and code. */
class ArticleContentTest {

    private static final Map<String, String> CATALOGUE = Map.of("BIZ_REG", "SAMR", "TAX_SERVICE", "TAX", "LOCAL", "STREET",
            "OTHER", "DISPATCH");
    private static final LocalDate JAN = LocalDate.parse("2026-01-01");
    private static final String ANSWER = "可通过广东政务服务网在线办理变更登记，材料齐全的当场办结。";

    private static ArticleContent valid() {
        return new ArticleContent("经营范围变更", List.of("怎么变更经营范围"), ANSWER, "《市场主体登记管理条例》",
                "https://www.gdzwfw.gov.cn/", "BIZ_REG", JAN, null);
    }

    private static List<String> codes(ArticleContent content, String unit) {
        return content.check(CATALOGUE, unit).stream().map(FieldViolation::code).toList();
    }

    private static ArticleContent with(String field, Object value) {
        ArticleContent v = valid();
        return new ArticleContent(field.equals("title") ? (String) value : v.title(),
                field.equals("questions") ? castList(value) : v.questions(),
                field.equals("answer") ? (String) value : v.answer(),
                field.equals("sourceName") ? (String) value : v.sourceName(),
                field.equals("sourceLink") ? (String) value : v.sourceLink(),
                field.equals("categoryCode") ? (String) value : v.categoryCode(),
                field.equals("validFrom") ? (LocalDate) value : v.validFrom(),
                field.equals("validTo") ? (LocalDate) value : v.validTo());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    @Test
    void a_valid_article_breaks_no_rule() {
        assertThat(codes(valid(), "SAMR")).isEmpty();
        assertThat(codes(with("sourceLink", null), "SAMR")).isEmpty();
        assertThat(codes(with("validTo", JAN), "SAMR")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            "title|三个字|title.tooShort",
            "title|" + "长" + "|title.tooShort",
            "answer|太短的答案|answer.tooShort",
            "sourceName|''|sourceName.required",
            "sourceLink|javascript:alert(1)|sourceLink.invalid",
            "sourceLink|ftp://example.org/x|sourceLink.invalid",
            "sourceLink|https://|sourceLink.invalid",
            "sourceLink|https://exa mple.org|sourceLink.invalid",
            "categoryCode|NOPE|categoryCode.unknown",
            "categoryCode|TAX_SERVICE|categoryCode.otherUnit",
            "categoryCode|''|categoryCode.required" })
    void a_field_that_breaks_its_rule_is_named(String field, String value, String code) {
        assertThat(codes(with(field, value), "SAMR")).containsExactly(code);
    }

    @Test
    void title_and_answer_have_upper_limits() {
        assertThat(codes(with("title", "题".repeat(101)), "SAMR")).containsExactly("title.tooLong");
        assertThat(codes(with("title", "题".repeat(100)), "SAMR")).isEmpty();
        assertThat(codes(with("answer", "答".repeat(4001)), "SAMR")).containsExactly("answer.tooLong");
        assertThat(codes(with("answer", "答".repeat(20)), "SAMR")).isEmpty();
    }

    @Test
    void at_least_one_question_form_each_on_one_line() {
        assertThat(codes(with("questions", List.of()), "SAMR")).containsExactly("questions.required");
        assertThat(codes(with("questions", List.of("第一行\n第二行")), "SAMR")).containsExactly("questions.lineBreak");
        assertThat(codes(with("questions", Arrays.asList("问".repeat(201))), "SAMR")).containsExactly("questions.tooLong");
        assertThat(codes(with("questions", java.util.Collections.nCopies(21, "一样的问法")), "SAMR"))
                .containsExactly("questions.tooMany");
    }

    @Test
    void blank_question_forms_and_a_blank_link_are_dropped_and_text_is_trimmed() {
        ArticleContent typed = new ArticleContent("  经营范围变更 ", Arrays.asList("怎么变更经营范围", "  ", "怎么变更经营范围", null),
                ANSWER, "依据名称", "  ", " BIZ_REG ", JAN, null).normalized();
        assertThat(typed.title()).isEqualTo("经营范围变更");
        assertThat(typed.questions()).containsExactly("怎么变更经营范围");
        assertThat(typed.sourceLink()).isNull();
        assertThat(typed.categoryCode()).isEqualTo("BIZ_REG");
        assertThat(codes(with("questions", Arrays.asList("  ")).normalized(), "SAMR")).containsExactly("questions.required");
    }

    @Test
    void valid_to_is_not_before_valid_from_and_valid_from_is_required() {
        assertThat(codes(with("validTo", JAN.minusDays(1)), "SAMR")).containsExactly("validTo.beforeValidFrom");
        assertThat(codes(with("validFrom", null), "SAMR")).containsExactly("validFrom.required");
    }

    @Test
    void a_unit_writes_in_its_own_categories_and_in_those_no_one_unit_owns() {
        assertThat(codes(with("categoryCode", "TAX_SERVICE"), "TAX")).isEmpty();
        assertThat(codes(with("categoryCode", "LOCAL"), "ST-SHIPAI")).isEmpty();
        assertThat(codes(with("categoryCode", "OTHER"), "SAMR")).isEmpty();
        assertThat(codes(valid(), "TAX")).containsExactly("categoryCode.otherUnit");
    }

    @Test
    void an_article_is_valid_from_its_first_day_to_its_last() {
        ArticleContent year = with("validTo", LocalDate.parse("2026-12-31"));
        assertThat(year.validOn(JAN.minusDays(1))).isFalse();
        assertThat(year.validOn(JAN)).isTrue();
        assertThat(year.validOn(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(year.validOn(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(valid().validOn(LocalDate.parse("2099-01-01"))).isTrue();
    }
}
