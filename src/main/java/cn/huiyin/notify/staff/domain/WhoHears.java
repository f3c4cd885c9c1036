package cn.huiyin.notify.staff.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.huiyin.shared.security.Roles;

/**
 * The people who hear of one ladder step of a late appeal: its audiences resolved against the roster, each person
 * once (under the first audience that names them), in the order of the audiences and by username within one.
 * Duty counts for the commissioners and the desk (who work the queue); leaders hear whether on duty or not.
 */
public final class WhoHears {

    private WhoHears() {
    }

    public static List<Recipient> recipients(List<Audience> audiences, EscalatedAppeal appeal, List<RosterEntry> roster,
            DeskRole desk) {
        Map<String, Recipient> heard = new LinkedHashMap<>();
        for (Audience audience : audiences) {
            for (String username : members(audience, appeal, roster, desk)) {
                heard.putIfAbsent(username, new Recipient(username, audience));
            }
        }
        return List.copyOf(heard.values());
    }

    private static List<String> members(Audience audience, EscalatedAppeal appeal, List<RosterEntry> roster,
            DeskRole desk) {
        return switch (audience) {
            case HOLDER -> holders(appeal, roster, desk);
            case UNIT_LEADERS -> appeal.handlingUnit() == null ? List.of()
                    : names(roster, e -> e.is(Roles.UNIT_LEADER, appeal.handlingUnit()));
            case SUPERVISION_DESK -> desk(roster, desk);
            case DISTRICT_LEADERS -> names(roster, e -> e.is(Roles.DISTRICT_LEADER, null));
        };
    }

    /** Who holds the appeal: its assignee, else the unit's commissioners on duty, else the desk. */
    private static List<String> holders(EscalatedAppeal appeal, List<RosterEntry> roster, DeskRole desk) {
        if (appeal.assignee() != null && !appeal.assignee().isBlank()) {
            return List.of(appeal.assignee());
        }
        if (appeal.handlingUnit() != null) {
            List<String> onDuty = names(roster, e -> e.is(Roles.COMMISSIONER, appeal.handlingUnit()) && e.onDuty());
            if (!onDuty.isEmpty()) {
                return onDuty;
            }
        }
        return desk(roster, desk);
    }

    /** The desk's members on duty; all of them when none is on duty (a supervision must reach the desk). */
    private static List<String> desk(List<RosterEntry> roster, DeskRole desk) {
        List<String> onDuty = names(roster, e -> e.is(desk.role(), desk.unitCode()) && e.onDuty());
        return onDuty.isEmpty() ? names(roster, e -> e.is(desk.role(), desk.unitCode())) : onDuty;
    }

    private static List<String> names(List<RosterEntry> roster, Predicate<RosterEntry> wanted) {
        List<String> names = new ArrayList<>();
        roster.stream().filter(wanted).map(RosterEntry::username).sorted(Comparator.naturalOrder()).forEach(names::add);
        return names;
    }
}
