package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.workqueue.web.AssignmentAdminResource.Named;
import cn.huiyin.workqueue.web.KeyCommissionersPage.UnitPick;

/** The key-enterprise pages: a typed code goes straight to its enterprise; a refused person is named beside the field. */
class KeyEnterpriseFormTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({ "91440106MA5CXK8R10", "' 91440106MA5CXK8R10 '", "91440106ma5cxk8r10" })
    void a_valid_code_opens_its_enterprise_whatever_the_spaces_and_case(String typed) {
        assertThat(KeyEnterpriseForm.lookup(typed)).contains("91440106MA5CXK8R10");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(nullValues = "NULL", value = { "91350100M000100Y4Z", "9144010", "91440106MA5CXK8R10X", "'../admin'", "''",
            "NULL" })
    void anything_else_stays_on_the_list(String typed) {
        assertThat(KeyEnterpriseForm.lookup(typed)).isEmpty();
    }

    @Test
    void a_person_who_is_not_a_commissioner_of_the_unit_is_said_so_beside_the_field_typed_in() {
        assertThat(KeyEnterpriseForm.notACommissioner("commissioner")).contains("服务专员须为所选单位的服务专员（填写其用户名）");
        assertThat(KeyEnterpriseForm.notACommissioner("backup")).contains("备岗专员须为所选单位的服务专员（填写其用户名）");
        assertThat(KeyEnterpriseForm.notACommissioner("uscc")).isEmpty();
        assertThat(KeyEnterpriseForm.notACommissioner(null)).isEmpty();
        assertThat(KeyEnterpriseForm.notice("named")).isEqualTo("已保存重点企业服务专员");
        assertThat(KeyEnterpriseForm.notice("x")).isNull();
    }

    @Test
    void the_naming_form_picks_a_unit_and_names_usernames_of_sane_length() {
        FormChecks checks = Forms.checks();
        checks.check(new UnitPick(""), Map.of("unit", "请选择单位"));
        checks.check(new Named("x".repeat(65), "y".repeat(65)),
                Map.of("commissioner", "服务专员用户名须为{min}至{max}字", "backup", "备岗专员用户名须为{min}至{max}字"));
        assertThat(checks.errors()).containsExactly(Map.entry("unit", "请选择单位"), Map.entry("commissioner", "服务专员用户名须为1至64字"),
                Map.entry("backup", "备岗专员用户名须为1至64字"));

        FormChecks fine = Forms.checks();
        fine.check(new UnitPick("ECO"), Map.of());
        fine.check(new Named("commissioner-eco", ""), Map.of());
        assertThat(fine.ok()).isTrue();
    }
}
