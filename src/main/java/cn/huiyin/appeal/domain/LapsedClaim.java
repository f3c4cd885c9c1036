package cn.huiyin.appeal.domain;

/** A claim that ran out before it was signed for, as it was just released back to the unit's pool. */
public record LapsedClaim(long appealId, String assignee, String handlingUnit, String trackingNo, String status) {
}
