package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.workqueue.web.WorkQueuePages.Purpose;

/** Which masked contact the reveal form may show, and the purpose that must be stated first. */
class RevealFormTest {

    @Test
    void only_the_contact_name_and_mobile_can_be_revealed() {
        assertThat(RevealForm.knownField("contactMobile")).isTrue();
        assertThat(RevealForm.knownField("contactName")).isTrue();
        assertThat(RevealForm.knownField("uscc")).isFalse();
        assertThat(RevealForm.knownField("")).isFalse();
        assertThat(RevealForm.knownField(null)).isFalse();
        assertThat(RevealForm.label("contactMobile")).isEqualTo("联系电话");
        assertThat(RevealForm.label("contactName")).isEqualTo("联系人姓名");
    }

    @ParameterizedTest(name = "chosen \"{0}\", own words \"{1}\" → {2}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "回访企业|NULL|回访企业",
            "核实诉求情况|''|核实诉求情况",
            "电话联系企业办理|'   '|电话联系企业办理",
            "回访企业|核对企业联系人身份|核对企业联系人身份",
            "''|核对企业联系人身份|核对企业联系人身份",
            "随便看看|NULL|NULL",
            "''|''|NULL",
            "NULL|NULL|NULL" })
    void the_purpose_is_the_callers_own_words_when_typed_else_one_of_the_offered(String chosen, String ownWords, String stated) {
        assertThat(RevealForm.purpose(chosen, ownWords)).isEqualTo(stated);
    }

    @Test
    void a_purpose_in_the_callers_own_words_is_two_to_two_hundred_characters() {
        FormChecks tooShort = Forms.checks();
        tooShort.check(new Purpose("看"), Map.of("purpose", "查看用途须为{min}至{max}字"));
        assertThat(tooShort.errors()).containsExactly(Map.entry("purpose", "查看用途须为2至200字"));

        FormChecks fine = Forms.checks();
        fine.check(new Purpose("核对企业联系人身份"), Map.of());
        assertThat(fine.ok()).isTrue();
    }

    @Test
    void every_offered_purpose_keeps_the_rule_for_a_purpose() {
        for (String offered : RevealForm.PURPOSES) {
            FormChecks checks = Forms.checks();
            checks.check(new Purpose(offered), Map.of());
            assertThat(checks.ok()).as(offered).isTrue();
        }
        assertThat(WorkQueuePages.REVEAL_PURPOSES).isEqualTo(RevealForm.PURPOSES);
    }
}
