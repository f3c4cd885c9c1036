package cn.huiyin.metrics.domain;

import java.util.Optional;

import cn.huiyin.shared.security.Roles;

/**
 * Who may read which figures: a district leader (and an administrator) every unit; a unit leader only the unit
 * they lead, whatever they ask for; nobody else any.
 */
public final class MetricsScope {

    /** The decision: the unit the figures are limited to (empty: all units), or why not. */
    public record Decision(boolean allowed, Optional<String> unit, String refusal) {

        static Decision allow(String unit) {
            return new Decision(true, Optional.ofNullable(unit), null);
        }

        static Decision refuse(String why) {
            return new Decision(false, Optional.empty(), why);
        }
    }

    private MetricsScope() {
    }

    public static Decision decide(String role, String callerUnit, String requestedUnit) {
        String requested = requestedUnit == null || requestedUnit.isBlank() ? null : requestedUnit;
        if (Roles.DISTRICT_LEADER.equals(role) || Roles.ADMIN.equals(role)) {
            return Decision.allow(requested);
        }
        if (Roles.UNIT_LEADER.equals(role) && callerUnit != null) {
            if (requested != null && !requested.equals(callerUnit)) {
                return Decision.refuse("a unit leader sees the figures of their own unit only");
            }
            return Decision.allow(callerUnit);
        }
        return Decision.refuse("only leaders see the figures");
    }
}
