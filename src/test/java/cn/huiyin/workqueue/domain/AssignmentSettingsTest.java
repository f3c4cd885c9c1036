package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.workqueue.domain.AssignmentSettings.Refusal;

/** Who may change what automatic assignment reads, and what a key enterprise's commissioner must be. */
class AssignmentSettingsTest {

    private static final String KEY_ENTERPRISE = "91440106MA5CXK8R10";

    @ParameterizedTest(name = "{0} of {1} sets duty of a TAX member: {2}")
    @CsvSource(nullValues = "-", value = {
            "admin, -, true",
            "unit-leader, TAX, true",
            "unit-leader, SAMR, false",
            "unit-leader, -, false",
            "commissioner, SAMR, false" })
    void an_administrator_sets_anyones_duty_a_unit_leader_only_their_units(String role, String unit, boolean allowed) {
        assertThat(AssignmentSettings.maySetDutyOf(new Caller("someone", role, unit, null), "TAX")).isEqualTo(allowed);
    }

    @Test
    void a_naming_needs_a_valid_credit_code_and_a_commissioner() {
        assertThat(AssignmentSettings.naming(KEY_ENTERPRISE, "zhou")).isEmpty();
        Refusal badCode = new Refusal("uscc", "uscc is an 18-character unified social credit code");
        assertThat(AssignmentSettings.naming("91350100M000100Y4Z", "zhou")).contains(badCode); // wrong check character
        assertThat(AssignmentSettings.naming("9144", "zhou")).contains(badCode);
        assertThat(AssignmentSettings.naming(null, "zhou")).contains(badCode);
        assertThat(AssignmentSettings.naming(KEY_ENTERPRISE, null))
                .contains(new Refusal("commissioner", "Name the commissioner"));
    }

    @Test
    void only_a_registered_key_enterprise_gets_named_commissioners() {
        assertThat(AssignmentSettings.keyEnterprise(true)).isEmpty();
        assertThat(AssignmentSettings.keyEnterprise(false))
                .contains(new Refusal("uscc", "The enterprise is not registered as a key enterprise (重点企业)"));
    }

    @ParameterizedTest(name = "{1} of {2} named in TAX: {3}")
    @CsvSource(nullValues = "-", value = {
            "zhou, commissioner, TAX, true",
            "wang, commissioner, SAMR, false",
            "li, unit-leader, TAX, false",
            "ghost, -, -, false" })
    void the_named_commissioner_and_backup_are_commissioners_of_the_unit_they_are_named_in(String username, String role,
            String memberUnit, boolean accepted) {
        assertThat(AssignmentSettings.commissionerOf("TAX", "backup", username, role, memberUnit))
                .isEqualTo(accepted ? Optional.empty()
                        : Optional.of(new Refusal("backup", username + " is not a commissioner of TAX")));
    }
}
