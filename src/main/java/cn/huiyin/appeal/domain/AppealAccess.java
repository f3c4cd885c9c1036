package cn.huiyin.appeal.domain;

import cn.huiyin.shared.domain.Caller;

/** How much of an appeal a caller may see. */
public enum AppealAccess {
    /** everything, every event with its actor (staff in charge, district staff); reveals only as {@link RevealEventReaders} allows */
    STAFF,
    /** what the enterprise itself may see: its appeal and the public part of the timeline */
    OWNER,
    /** nothing; answered as "not found" so tracking numbers cannot be probed */
    NONE;

    /**
     * @param queryCodeValid whether the caller presented the right query code for this appeal
     */
    public static AppealAccess decide(Caller caller, String handlingUnit, String uscc, boolean queryCodeValid) {
        return decide(caller, handlingUnit, java.util.List.of(), uscc, queryCodeValid);
    }

    /** @param helperUnits units that help with the appeal (协办): their staff see it as the lead unit's do */
    public static AppealAccess decide(Caller caller, String handlingUnit, java.util.Collection<String> helperUnits, String uscc,
            boolean queryCodeValid) {
        if (caller.isAnonymous()) {
            return queryCodeValid ? OWNER : NONE;
        }
        return switch (caller.role()) {
            case "admin", "district-leader", "dispatcher", "agent" -> STAFF;
            case "commissioner", "unit-leader" ->
                caller.unitCode() != null && (caller.unitCode().equals(handlingUnit) || helperUnits.contains(caller.unitCode()))
                        ? STAFF : NONE;
            case "enterprise" -> caller.uscc() != null && caller.uscc().equals(uscc) || queryCodeValid ? OWNER : NONE;
            default -> NONE;
        };
    }
}
