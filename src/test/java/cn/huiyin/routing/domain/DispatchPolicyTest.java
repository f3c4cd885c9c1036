package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DispatchPolicyTest {

    private final Catalogue catalogue = new Catalogue(Map.of(
            "TAX_SERVICE", new DispatchRule("TAX_SERVICE", "纳税服务", "TAX", null),
            "LOCAL", new DispatchRule("LOCAL", "属地事务", DispatchRule.BY_STREET, null),
            "OTHER", new DispatchRule("OTHER", "其他", DispatchRule.BY_DISPATCHER, null)), Map.of("TAX", "税务局"));

    @Test
    void a_catalogued_category_goes_to_its_unit() {
        assertThat(DispatchPolicy.decide(catalogue, "TAX_SERVICE", "ST-SHIPAI"))
                .isEqualTo(new DispatchDecision.ToUnit("TAX", "catalogue: TAX_SERVICE → TAX"));
    }

    @Test
    void a_local_matter_goes_to_the_enterprise_street() {
        assertThat(DispatchPolicy.decide(catalogue, "LOCAL", "ST-SHIPAI"))
                .isInstanceOf(DispatchDecision.ToUnit.class)
                .extracting(d -> ((DispatchDecision.ToUnit) d).unitCode()).isEqualTo("ST-SHIPAI");
    }

    @Test
    void a_local_matter_of_an_unknown_street_is_never_guessed() {
        assertThat(DispatchPolicy.decide(catalogue, "LOCAL", null)).isInstanceOf(DispatchDecision.ToDispatcher.class);
    }

    @Test
    void other_matters_missing_and_unknown_categories_go_to_the_dispatcher() {
        assertThat(DispatchPolicy.decide(catalogue, "OTHER", "ST-SHIPAI")).isInstanceOf(DispatchDecision.ToDispatcher.class);
        assertThat(DispatchPolicy.decide(catalogue, null, null).reason()).isEqualTo("no category given");
        assertThat(DispatchPolicy.decide(catalogue, " ", null)).isInstanceOf(DispatchDecision.ToDispatcher.class);
        assertThat(DispatchPolicy.decide(catalogue, "NOPE", null)).isInstanceOf(DispatchDecision.ToDispatcher.class);
    }
}
