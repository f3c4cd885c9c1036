package cn.huiyin.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Everything the leaders' figures need about one appeal, folded from its events ({@link AppealFactFolder}).
 * Minutes are office minutes on the work calendar; the on-time flags are null while the clock has neither
 * stopped nor run out. The rating is the last round's, after any return visit that overturned it. The
 * supervision numbers count the appeal's supervision orders (督办单): issued, answered by their deadline, climbed to
 * the district leader.
 */
public record AppealFact(long appealId, int appliedSeq, String trackingNo, CellKey cell, String channel,
        String appealType, String status, boolean open, Instant receivedAt, Instant dispatchedAt, Instant acceptedAt,
        Instant firstContactAt, Instant repliedAt, Instant handleDueAt, Long responseMinutes, Long handlingMinutes,
        Long custodyMinutes, Boolean respondOnTime, Boolean handleOnTime, int returns, int transfers, int reworks,
        Integer ratingLevel, Boolean ratingResolved, boolean ratingDefaulted, boolean ratingExcluded,
        int supervisionOrders, int supervisionAnsweredOnTime, int supervisionClimbed) {

    public LocalDate receivedDay() {
        return cell.day();
    }

    /** Does this appeal count towards {@code count}? The one definition behind both the rollups and the drill-down. */
    public boolean counts(Count count) {
        return count.test(this);
    }

    /** Every count this appeal is part of, as a bit set ({@link Count#bit()}). */
    public int countBits() {
        int bits = 0;
        for (Count count : Count.values()) {
            if (count.test(this)) {
                bits |= count.bit();
            }
        }
        return bits;
    }

    boolean supervised() {
        return supervisionOrders > 0;
    }

    /** Every order issued on it was answered by its deadline (one still waiting, or answered late, spoils it). */
    boolean supervisionAllOnTime() {
        return supervised() && supervisionAnsweredOnTime == supervisionOrders;
    }

    boolean rated() {
        return ratingLevel != null && !ratingExcluded;
    }
}
