package cn.huiyin.notify.staff.domain;

/** Who hears of a ladder step, by how they stand to the late appeal. Each step is told to a list of these. */
public enum Audience {
    /**
     * The commissioner holding the appeal; when nobody holds it, the unit's commissioners on duty; when the unit has
     * none on duty (or no unit holds it), the supervision desk: someone who can act must hear of it.
     */
    HOLDER,
    /** The unit's leaders (role {@code unit-leader} of the handling unit). */
    UNIT_LEADERS,
    /** The district's supervision desk (督办): the staff of the configured role in the configured unit. */
    SUPERVISION_DESK,
    /** The district leaders (role {@code district-leader}). */
    DISTRICT_LEADERS
}
