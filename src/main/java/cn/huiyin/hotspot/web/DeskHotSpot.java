package cn.huiyin.hotspot.web;

import java.util.List;

import cn.huiyin.hotspot.application.HotSpotView;

/**
 * A hot spot on the dispatcher's desk with its merge form (并单): the parent chosen at first is its most central
 * appeal that still waits for its answer, and every other appeal that may be merged is ticked. A form posts at most
 * 64 fields, so the desk shows a hot spot's first {@value #APPEALS_SHOWN} appeals.
 */
public record DeskHotSpot(HotSpotView spot, List<HotSpotView.Appeal> shown, String firstParent, boolean mergeable) {

    public static final int APPEALS_SHOWN = 40;

    public static DeskHotSpot of(HotSpotView spot) {
        List<HotSpotView.Appeal> shown = spot.appeals().stream().limit(APPEALS_SHOWN).toList();
        String parent = shown.stream().filter(HotSpotView.Appeal::mayBeParent).map(HotSpotView.Appeal::trackingNo)
                .findFirst().orElse(null);
        boolean children = shown.stream().anyMatch(a -> a.mergeable() && !a.trackingNo().equals(parent));
        return new DeskHotSpot(spot, shown, parent, parent != null && children);
    }

    /** How many of its appeals the desk does not show. */
    public int hidden() {
        return spot.appeals().size() - shown.size();
    }

    /** Whether the appeal's box starts ticked: it may be merged and is not the first parent. */
    public boolean ticked(HotSpotView.Appeal appeal) {
        return appeal.mergeable() && !appeal.trackingNo().equals(firstParent);
    }
}
