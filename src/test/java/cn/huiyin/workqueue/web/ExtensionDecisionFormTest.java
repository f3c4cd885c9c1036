package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** An extension decision posted from the desk or a unit leader's queue. */
class ExtensionDecisionFormTest {

    @Test
    void the_path_says_approve_or_refuse_and_nothing_else() {
        assertThat(ExtensionDecisionForm.approves("approve")).contains(true);
        assertThat(ExtensionDecisionForm.approves("refuse")).contains(false);
        assertThat(ExtensionDecisionForm.approves("maybe")).isEmpty();
        assertThat(ExtensionDecisionForm.approves("APPROVE")).isEmpty();
        assertThat(ExtensionDecisionForm.approves(null)).isEmpty();
    }

    @Test
    void the_note_is_optional_and_handed_on_trimmed() {
        FormChecks checks = Forms.checks();
        assertThat(ExtensionDecisionForm.note(checks, true, "  同意延期  ")).isEqualTo("同意延期");
        assertThat(ExtensionDecisionForm.note(checks, false, "")).isNull();
        assertThat(ExtensionDecisionForm.note(checks, false, null)).isNull();
        assertThat(checks.ok()).isTrue();
    }

    @Test
    void a_note_over_five_hundred_characters_is_refused_in_the_pages_words() {
        FormChecks checks = Forms.checks();
        ExtensionDecisionForm.note(checks, false, "x".repeat(501));
        assertThat(checks.errors()).containsExactly(Map.entry("note", "审批意见须为1至500字"));
    }
}
