package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.evaluation.domain.Raters.Standing;
import cn.huiyin.shared.domain.Caller;

/** Only the enterprise that submitted an appeal rates it through the API; staff never do. */
class RatersTest {

    private static final String ACME = "91440106MA5CXK8R10";
    private static final Caller ENTERPRISE = new Caller("acme", "enterprise", null, ACME);

    @Test
    void a_caller_not_signed_in_is_asked_to_sign_in() {
        assertThat(Raters.standing(Caller.anonymous())).isEqualTo(Standing.SIGNED_OUT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "commissioner", "unit-leader", "dispatcher", "district-leader", "agent", "admin" })
    void no_staff_account_rates_not_even_on_an_enterprises_behalf(String role) {
        assertThat(Raters.standing(new Caller("staff", role, "TAX", ACME))).isEqualTo(Standing.STAFF);
    }

    @Test
    void an_enterprise_rates_its_own_appeals_only() {
        assertThat(Raters.standing(ENTERPRISE)).isEqualTo(Standing.ENTERPRISE);
        assertThat(Raters.owns(ENTERPRISE, ACME)).isTrue();
        assertThat(Raters.owns(ENTERPRISE, "91350100M000100Y4E")).isFalse();
        assertThat(Raters.owns(ENTERPRISE, null)).isFalse();
    }

    @Test
    void an_enterprise_account_without_a_credit_code_owns_nothing() {
        Caller withoutCode = new Caller("acme", "enterprise", null, null);
        assertThat(Raters.owns(withoutCode, null)).isFalse();
        assertThat(Raters.owns(withoutCode, ACME)).isFalse();
    }
}
