package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.workqueue.domain.HandOverTargets.Refused;
import cn.huiyin.workqueue.domain.HandOverTargets.Target;
import cn.huiyin.workqueue.domain.HandOverTargets.To;

/** Where a dispatcher, a unit or a leader may send an appeal, decided from the catalogue before anything is written. */
class HandOverTargetsTest {

    private static final Catalogue CATALOGUE = new Catalogue(Map.of(
            "TAX_POLICY", new DispatchRule("TAX_POLICY", "税收政策", "TAX", null),
            "LOCAL_MATTER", new DispatchRule("LOCAL_MATTER", "属地事务", DispatchRule.BY_STREET, null),
            "OTHER", new DispatchRule("OTHER", "其他", DispatchRule.BY_DISPATCHER, null)),
            Map.of("TAX", "区税务局", "SAMR", "区市场监督管理局", "LINHE", "林和街道"));

    static Stream<Arguments> placements() {
        String byDispatcher = "The catalogue leaves OTHER to the dispatcher: name the unit (a unit)";
        return Stream.of(
                arguments("TAX_POLICY", null, null, new To("TAX"), "the catalogue names the unit"),
                arguments("TAX_POLICY", "TAX", null, new To("TAX"), "naming the same unit again is fine"),
                arguments("TAX_POLICY", "SAMR", null, new Refused("unit", "The catalogue places TAX_POLICY with TAX"),
                        "another unit than the catalogue's is refused"),
                arguments("LOCAL_MATTER", null, "LINHE", new To("LINHE"), "a local matter goes to the enterprise's street"),
                arguments("LOCAL_MATTER", "SAMR", "LINHE", new Refused("unit", "The catalogue places LOCAL_MATTER with LINHE"),
                        "and to no other unit"),
                arguments("LOCAL_MATTER", "LINHE", null, new To("LINHE"), "the dispatcher names the street when it is unknown"),
                arguments("LOCAL_MATTER", null, null,
                        new Refused("unit", "The catalogue leaves LOCAL_MATTER to the dispatcher: name the unit (the street)"),
                        "an unknown street must be named"),
                arguments("OTHER", "SAMR", null, new To("SAMR"), "what the catalogue leaves open goes where the dispatcher says"),
                arguments("OTHER", null, null, new Refused("unit", byDispatcher), "but the dispatcher must say"),
                arguments("OTHER", "NOPE", null, new Refused("unit", byDispatcher), "and name a unit that exists"),
                arguments("NOPE", "SAMR", null, new Refused("category", "No category NOPE in the catalogue"),
                        "a category outside the catalogue is refused"),
                arguments(null, "SAMR", null, new Refused("category", "No category null in the catalogue"), "as is none"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("placements")
    void a_placement_by_hand_follows_the_catalogue_wherever_it_names_the_unit(String category, String unit, String street,
            Target expected, String scenario) {
        assertThat(HandOverTargets.dispatch(CATALOGUE, category, unit, street)).isEqualTo(expected);
    }

    @Test
    void an_accepted_return_goes_to_a_unit_the_catalogue_knows() {
        assertThat(HandOverTargets.redispatch(CATALOGUE, "SAMR")).isEqualTo(new To("SAMR"));
        assertThat(HandOverTargets.redispatch(CATALOGUE, "NOPE"))
                .isEqualTo(new Refused("toUnit", "Name the unit the appeal goes to instead"));
        assertThat(HandOverTargets.redispatch(CATALOGUE, null))
                .isEqualTo(new Refused("toUnit", "Name the unit the appeal goes to instead"));
    }

    @Test
    void a_transfer_and_a_helper_unit_name_a_unit_the_catalogue_knows() {
        assertThat(HandOverTargets.transfer(CATALOGUE, "LINHE")).isEqualTo(new To("LINHE"));
        assertThat(HandOverTargets.transfer(CATALOGUE, "samr"))
                .isEqualTo(new Refused("toUnit", "No handling unit has the code samr"));
        assertThat(HandOverTargets.helper(CATALOGUE, "TAX")).isEqualTo(new To("TAX"));
        assertThat(HandOverTargets.helper(CATALOGUE, "EMG")).isEqualTo(new Refused("unit", "No handling unit has the code EMG"));
    }

    @Test
    void a_refusal_becomes_the_callers_own_error_naming_the_field() {
        assertThat(HandOverTargets.transfer(CATALOGUE, "SAMR").unitOrThrow(Rejected::new)).isEqualTo("SAMR");
        assertThatThrownBy(() -> HandOverTargets.transfer(CATALOGUE, "NOPE").unitOrThrow(Rejected::new))
                .isInstanceOf(Rejected.class).hasMessage("toUnit: No handling unit has the code NOPE");
    }

    private static final class Rejected extends RuntimeException {
        Rejected(String field, String detail) {
            super(field + ": " + detail);
        }
    }
}
