package cn.huiyin.notify.staff.domain;

import cn.huiyin.shared.security.Roles;

/**
 * Where a notice takes its reader: a page their role may open, or the link would end in a refusal. Commissioners and
 * unit leaders act on the appeal on its work-queue page; the supervision desk and the district leaders follow late
 * appeals on the supervision desk (督办台), which lists them all and has no page per appeal. Anyone else (a role the
 * desk was configured to, or a person no longer on the roster) is taken to their own notices.
 */
public final class NoticeLinks {

    /** The supervision desk's page: the late and supervised appeals, the oldest breach first. */
    public static final String SUPERVISION_DESK = "/supervision";

    /** The reader's own notices, open to every staff role that hears of escalations. */
    public static final String NOTICES = "/notices";

    private NoticeLinks() {
    }

    /** The path (on the service's own address) of the page a person of {@code role} opens from a notice. */
    public static String pathFor(String role, String trackingNo) {
        if (role == null) {
            return NOTICES;
        }
        return switch (role) {
            case Roles.COMMISSIONER, Roles.UNIT_LEADER -> "/workqueue/" + trackingNo.strip();
            case Roles.DISPATCHER, Roles.DISTRICT_LEADER -> SUPERVISION_DESK;
            default -> NOTICES;
        };
    }
}
