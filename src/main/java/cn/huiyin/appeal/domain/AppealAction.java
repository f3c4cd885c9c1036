package cn.huiyin.appeal.domain;

/** Something a person (or the system on their behalf) does to an appeal. */
public enum AppealAction {
    /** The dispatcher (or automatic routing) places a received appeal with a handling unit. */
    DISPATCH,
    /** The unit's commissioner signs for it (签收). */
    ACCEPT,
    /** The commissioner has reached the enterprise; handling has begun. */
    FIRST_CONTACT,
    /** The unit answers the enterprise (答复). */
    REPLY,
    /** The unit sends a misrouted appeal back to the dispatcher, with a reason (退单). */
    RETURN,
    /** The dispatcher re-dispatches a returned appeal to another unit (改派). */
    REDISPATCH,
    /** The dispatcher refuses the return and sends the appeal back to the same unit. */
    REFUSE_RETURN,
    /** The unit hands the appeal to another unit, which must accept it afresh (转办). */
    TRANSFER,
    /** The enterprise is satisfied (a rating of 3 to 5, resolved). */
    RATE_GOOD,
    /** A bad rating (1 or 2) or "not resolved": the unit must rework it. */
    RATE_BAD,
    /** Archive (归档). */
    CLOSE,
    /** Join a duplicate to a parent appeal, whose answer then goes to both (并单). */
    MERGE
}
