package cn.huiyin.workqueue.domain;

import java.util.Objects;
import java.util.Optional;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.Uscc;
import cn.huiyin.shared.security.Roles;

/**
 * Who may change what automatic assignment reads, and what a change must name. An administrator sets anyone's duty,
 * a unit leader their own unit's staff's (another unit's staff do not exist for them). A key enterprise's named
 * commissioner, and the backup if any, are commissioners of the unit they are named in.
 */
public final class AssignmentSettings {

    /** A change refused before anything is read: the field at fault, and why. */
    public record Refusal(String field, String detail) {
    }

    private AssignmentSettings() {
    }

    public static boolean maySetDutyOf(Caller caller, String memberUnit) {
        return caller.hasRole(Roles.ADMIN) || Objects.equals(caller.unitCode(), memberUnit);
    }

    /** What a naming must say before the enterprise or the staff are looked up: a valid code and a commissioner. */
    public static Optional<Refusal> naming(String uscc, String commissioner) {
        if (uscc == null || Uscc.parse(uscc).isEmpty()) {
            return Optional.of(new Refusal("uscc", "uscc is an 18-character unified social credit code"));
        }
        if (commissioner == null) {
            return Optional.of(new Refusal("commissioner", "Name the commissioner"));
        }
        return Optional.empty();
    }

    /** The enterprise named must be registered as a key enterprise. */
    public static Optional<Refusal> keyEnterprise(boolean registered) {
        return registered ? Optional.empty()
                : Optional.of(new Refusal("uscc", "The enterprise is not registered as a key enterprise (重点企业)"));
    }

    /**
     * {@code username} (as {@code field}: commissioner or backup) must be a commissioner of {@code unit}; {@code role}
     * and {@code memberUnit} are the staff member's, both null when there is no such member.
     */
    public static Optional<Refusal> commissionerOf(String unit, String field, String username, String role, String memberUnit) {
        if (Roles.COMMISSIONER.equals(role) && Objects.equals(unit, memberUnit)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(field, username + " is not a commissioner of " + unit));
    }
}
