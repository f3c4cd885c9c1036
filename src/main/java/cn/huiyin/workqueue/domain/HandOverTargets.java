package cn.huiyin.workqueue.domain;

import java.util.function.BiFunction;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchDecision;
import cn.huiyin.routing.domain.DispatchPolicy;
import cn.huiyin.routing.domain.DispatchRule;

/**
 * Where a person may send an appeal. A placement by hand follows the catalogue wherever the catalogue names the unit,
 * and needs a unit only where the catalogue leaves it to the dispatcher; a re-dispatch, a transfer and a helper unit
 * name a unit the catalogue knows. Each answers the unit, or the field at fault and why, before anything is written.
 */
public final class HandOverTargets {

    /** The unit an appeal goes to, or why it cannot go there. */
    public sealed interface Target permits To, Refused {

        /** The unit, or {@code refusal} made from the field at fault and the reason. */
        <X extends RuntimeException> String unitOrThrow(BiFunction<String, String, X> refusal);
    }

    public record To(String unit) implements Target {

        @Override
        public <X extends RuntimeException> String unitOrThrow(BiFunction<String, String, X> refusal) {
            return unit;
        }
    }

    public record Refused(String field, String detail) implements Target {

        @Override
        public <X extends RuntimeException> String unitOrThrow(BiFunction<String, String, X> refusal) {
            throw refusal.apply(field, detail);
        }
    }

    private HandOverTargets() {
    }

    /**
     * A dispatcher's placement of a received appeal: the category decides the unit (the enterprise's street for a
     * local matter); {@code unit} may only repeat that, and must name a known unit where the catalogue leaves the
     * choice to the dispatcher.
     */
    public static Target dispatch(Catalogue rules, String category, String unit, String street) {
        if (category == null || !rules.knowsCategory(category)) {
            return new Refused("category", "No category " + category + " in the catalogue");
        }
        DispatchDecision decision = DispatchPolicy.decide(rules, category, street);
        if (decision instanceof DispatchDecision.ToUnit toUnit) {
            if (unit != null && !unit.equals(toUnit.unitCode())) {
                return new Refused("unit", "The catalogue places " + category + " with " + toUnit.unitCode());
            }
            return new To(toUnit.unitCode());
        }
        if (!knows(rules, unit)) {
            String which = DispatchRule.BY_STREET.equals(rules.rules().get(category).unitRule()) ? "the street" : "a unit";
            return new Refused("unit", "The catalogue leaves " + category + " to the dispatcher: name the unit (" + which + ")");
        }
        return new To(unit);
    }

    /** An accepted return goes to another unit the dispatcher names. */
    public static Target redispatch(Catalogue rules, String toUnit) {
        return knows(rules, toUnit) ? new To(toUnit) : new Refused("toUnit", "Name the unit the appeal goes to instead");
    }

    /** A transfer (转办) names the unit that takes the appeal over. */
    public static Target transfer(Catalogue rules, String toUnit) {
        return knows(rules, toUnit) ? new To(toUnit) : new Refused("toUnit", "No handling unit has the code " + toUnit);
    }

    /** A helper unit (协办) of a co-handled appeal. */
    public static Target helper(Catalogue rules, String unit) {
        return knows(rules, unit) ? new To(unit) : new Refused("unit", "No handling unit has the code " + unit);
    }

    private static boolean knows(Catalogue rules, String unit) {
        return unit != null && rules.unitNames().containsKey(unit);
    }
}
