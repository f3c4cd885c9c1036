package cn.huiyin.notify.staff.domain;

/** One person on the staff roster, as far as deciding who hears of an escalation needs them. */
public record RosterEntry(String username, String role, String unitCode, boolean onDuty) {

    boolean is(String wantedRole, String wantedUnit) {
        return wantedRole.equals(role) && (wantedUnit == null || wantedUnit.equals(unitCode));
    }
}
