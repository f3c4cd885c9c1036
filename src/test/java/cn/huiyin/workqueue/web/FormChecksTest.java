package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.validation.UnitCode;

/** A staff form's fields checked by the rules declared on its record, each refusal in the page's own Chinese. */
class FormChecksTest {

    record Transfer(@UnitCode String toUnit, @FreeText(min = 2, max = 500) String reason) {
    }

    record Note(@FreeText(max = 5, optional = true) String note) {
    }

    private static final Map<String, String> WORDS = Map.of("toUnit", "请选择转办单位", "reason", "转办理由须为{min}至{max}字");

    @Test
    void a_form_that_keeps_the_rules_passes_and_is_handed_back_as_it_was() {
        FormChecks checks = Forms.checks();
        Transfer form = new Transfer("SAMR", "属于市场监管事项");

        assertThat(checks.check(form, WORDS)).isSameAs(form);
        assertThat(checks.ok()).isTrue();
        assertThat(checks.errors()).isEmpty();
    }

    @Test
    void each_broken_field_gets_the_pages_sentence_with_the_rules_own_numbers_in_declaration_order() {
        FormChecks checks = Forms.checks();
        checks.check(new Transfer("samr", "x"), WORDS);

        assertThat(checks.ok()).isFalse();
        assertThat(checks.errors()).containsExactly(Map.entry("toUnit", "请选择转办单位"), Map.entry("reason", "转办理由须为2至500字"));
    }

    @Test
    void a_field_without_words_on_the_page_gets_the_general_sentence() {
        FormChecks checks = Forms.checks();
        checks.check(new Transfer("SAMR", "x"), Map.of());
        assertThat(checks.errors()).containsExactly(Map.entry("reason", "输入有误，请检查后重试"));
    }

    @Test
    void an_optional_field_may_be_left_out_but_if_given_it_keeps_the_rule() {
        FormChecks left = Forms.checks();
        left.check(new Note("  "), Map.of("note", "备注须为{min}至{max}字"));
        assertThat(left.ok()).isTrue();

        FormChecks tooLong = Forms.checks();
        tooLong.check(new Note("六个字的备注"), Map.of("note", "备注须为{min}至{max}字"));
        assertThat(tooLong.errors()).containsExactly(Map.entry("note", "备注须为1至5字"));
    }

    @Test
    void a_pages_own_refusal_is_kept_and_a_field_keeps_its_first_error() {
        FormChecks checks = Forms.checks();
        checks.reject("toUnit", "同意退回时请选择改派单位");
        checks.check(new Transfer(null, "x"), WORDS);
        checks.reject("reason", "后来的话");
        checks.check(new Transfer("samr", "改派"), WORDS);

        assertThat(checks.errors()).containsExactly(Map.entry("toUnit", "同意退回时请选择改派单位"),
                Map.entry("reason", "转办理由须为2至500字"));
    }
}
