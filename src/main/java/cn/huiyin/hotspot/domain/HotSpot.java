package cn.huiyin.hotspot.domain;

import java.time.Instant;
import java.util.List;

/**
 * Appeals of several enterprises about one problem (热点问题).
 *
 * @param id              the group's earliest appeal's id: it stays the hot spot's id while the group grows
 * @param centralAppealId the appeal most like the others, whose title is the {@code label}
 * @param category        the category most of its appeals have (null if none is placed yet)
 * @param street          the street at least half of its appeals come from; null when spread over the district
 * @param appealIds       its appeals, the central one first, then by receipt
 * @param enterprises     how many different enterprises filed them (unidentified filers not counted)
 * @param lastSpan        appeals received in the last trend span (7 days) …
 * @param spanBefore      … and in the span before it
 */
public record HotSpot(long id, long centralAppealId, String label, String category, String street, List<Long> appealIds,
        int enterprises, int lastSpan, int spanBefore, Instant firstSeen, Instant lastSeen) {

    public HotSpot {
        appealIds = List.copyOf(appealIds);
    }

    public int size() {
        return appealIds.size();
    }

    public Trend trend() {
        return Trend.of(lastSpan, spanBefore);
    }
}
