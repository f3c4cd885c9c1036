package cn.huiyin.appeal.domain;

import java.util.Set;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;

/**
 * Who may see, in an appeal's staff timeline, that its contact was shown in full ({@code PERSONAL_DATA_REVEALED}:
 * who looked, at which field, when and why). Each event is an entry of the reveal log, and the system administrator
 * may not read that log (separation of duties, 等保三级): their view of the appeal leaves these events out. The
 * district leader reads the log anyway; the staff who work the appeal keep seeing that a colleague looked.
 */
public final class RevealEventReaders {

    public static final String EVENT_TYPE = new AppealEvent.PersonalDataRevealed(null).type();

    /** A list, not "everyone but the administrator": a role added later sees no reveals until someone decides it may. */
    private static final Set<String> MAY_READ = Set.of(Roles.DISTRICT_LEADER, Roles.AUDITOR, Roles.COMMISSIONER,
            Roles.UNIT_LEADER, Roles.DISPATCHER, Roles.AGENT);

    private RevealEventReaders() {
    }

    public static boolean mayRead(Caller caller) {
        return caller != null && !caller.isAnonymous() && MAY_READ.contains(caller.role());
    }

    /** Whether an event of this type belongs in this caller's view of the timeline, as far as reveals go. */
    public static boolean shows(String eventType, Caller caller) {
        return !EVENT_TYPE.equals(eventType) || mayRead(caller);
    }
}
