package cn.huiyin.workqueue.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.Waiting;
import cn.huiyin.workqueue.web.DispatchDeskPage.Category;
import cn.huiyin.workqueue.web.DispatchDeskPage.Hint;
import cn.huiyin.workqueue.web.DispatchDeskPage.Line;

/**
 * What the dispatcher's desk shows, made from what it reads: each waiting appeal with its status in Chinese, the
 * name of the unit that returned it, and the classifier's best guesses as one-click categories; the catalogue's
 * categories (with the unit each goes to, none where the dispatcher names it) and units, in code order.
 */
final class DeskView {

    /** Guesses shown per appeal. */
    static final int TOP = 3;

    private DeskView() {
    }

    static List<Line> lines(List<Waiting> waiting, Catalogue rules) {
        return waiting.stream().map(a -> new Line(a, AppealStatus.valueOf(a.status()).label(),
                a.returnedBy() == null ? null : rules.unitNames().getOrDefault(a.returnedBy(), a.returnedBy()),
                hints(rules, a.suggestions()))).toList();
    }

    static List<Category> categories(Catalogue rules) {
        return rules.rules().values().stream().map(rule -> category(rules, rule)).sorted(Comparator.comparing(Category::code))
                .toList();
    }

    static List<WorkQueuePages.Unit> units(Catalogue rules) {
        return rules.unitNames().entrySet().stream().map(u -> new WorkQueuePages.Unit(u.getKey(), u.getValue()))
                .sorted(Comparator.comparing(WorkQueuePages.Unit::code)).toList();
    }

    /**
     * The classifier's best guesses, stored with the appeal as [{category, confidence}] best first: the first
     * {@link #TOP} that are still in the catalogue, confidence in whole percent. Entries without both are skipped.
     */
    static List<Hint> hints(Catalogue rules, List<Map<String, Object>> suggestions) {
        List<Hint> hints = new ArrayList<>();
        for (Map<String, Object> s : suggestions) {
            if (s.get("category") != null && s.get("confidence") instanceof Number confidence) {
                DispatchRule rule = rules.rules().get(String.valueOf(s.get("category")));
                if (rule != null && hints.size() < TOP) {
                    hints.add(new Hint(category(rules, rule), Math.round(confidence.doubleValue() * 100)));
                }
            }
        }
        return hints;
    }

    private static Category category(Catalogue rules, DispatchRule rule) {
        return new Category(rule.category(), rule.name(), rules.unitNames().get(rule.unitRule()));
    }
}
