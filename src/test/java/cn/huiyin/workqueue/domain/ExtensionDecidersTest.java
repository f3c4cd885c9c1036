package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.domain.Caller;

/** Who decides a TAX commissioner's request for more working days. */
class ExtensionDecidersTest {

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "dispatcher, DRC, true",
            "dispatcher, -, true",
            "unit-leader, TAX, true",
            "unit-leader, SAMR, false",
            "unit-leader, -, false",
            "commissioner, TAX, false",
            "district-leader, -, false",
            "admin, -, false" })
    void the_dispatch_centre_decides_any_units_request_and_a_unit_leader_only_their_own(String role, String unit,
            boolean decides) {
        assertThat(ExtensionDeciders.mayDecide(new Caller("someone", role, unit, null), "TAX")).isEqualTo(decides);
    }

    @ParameterizedTest(name = "request of unit {0}")
    @CsvSource(nullValues = "-", value = { "SAMR", "-" })
    void a_unit_leader_never_decides_for_another_unit_or_for_a_request_without_one(String requestUnit) {
        assertThat(ExtensionDeciders.mayDecide(new Caller("li", "unit-leader", "TAX", null), requestUnit)).isFalse();
    }
}
