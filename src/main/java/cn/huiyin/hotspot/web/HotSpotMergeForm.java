package cn.huiyin.hotspot.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huiyin.hotspot.application.HotSpotView;

/**
 * A hot spot's merge form (并单) as the dispatcher's desk posts it: the parent must be an appeal of the hot spot that
 * still waits for its answer, the children appeals of it that may be merged (a ticked number not of this hot spot is
 * ignored; the parent ticked too is not its own child). The errors are the page's words, by field.
 */
public record HotSpotMergeForm(String parent, List<String> children, Map<String, String> errors) {

    public static HotSpotMergeForm of(HotSpotView spot, String parent, List<String> ticked) {
        Map<String, String> errors = new LinkedHashMap<>();
        String chosen = parent == null ? null : parent.strip();
        if (spot.appeals().stream().noneMatch(a -> a.mayBeParent() && a.trackingNo().equals(chosen))) {
            errors.put("parent", "请选择本热点中尚未办结的一件诉求作为主诉求");
        }
        Set<String> wanted = ticked == null ? Set.of() : ticked.stream().map(String::strip).collect(Collectors.toSet());
        List<String> children = spot.appeals().stream()
                .filter(a -> a.mergeable() && wanted.contains(a.trackingNo()) && !a.trackingNo().equals(chosen))
                .map(HotSpotView.Appeal::trackingNo).toList();
        if (children.isEmpty()) {
            errors.put("children", "请勾选要并入主诉求的诉求");
        }
        return new HotSpotMergeForm(chosen, children, errors);
    }
}
