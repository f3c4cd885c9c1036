package cn.huiyin.hotspot.application;

import java.time.Instant;
import java.util.List;

/**
 * A hot spot as the API and the pages show it.
 *
 * @param appealCount    how many appeals it has in all
 * @param appeals        those the caller may see (a unit leader: their unit's), the most central first
 * @param lastWeek       appeals received in the last trend span (7 days) …
 * @param weekBefore     … and in the span before
 * @param trend          RISING, STEADY or FALLING; {@code trendArrow} ↑ → ↓ and {@code trendLabel} 上升 持平 下降 say the same
 */
public record HotSpotView(long id, String label, String category, String street, int appealCount, int enterprises,
        int lastWeek, int weekBefore, String trend, String trendArrow, String trendLabel, Instant firstSeen, Instant lastSeen,
        Instant computedAt, List<Appeal> appeals) {

    /**
     * One appeal of the hot spot as it stands now.
     *
     * @param mergeable    the dispatcher may merge it into another (并单)
     * @param mayBeParent  another may be merged into it: it waits for its answer
     */
    public record Appeal(String trackingNo, String title, String enterpriseName, String status, String statusLabel,
            String handlingUnit, Instant receivedAt, boolean mergeable, boolean mayBeParent) {
    }
}
