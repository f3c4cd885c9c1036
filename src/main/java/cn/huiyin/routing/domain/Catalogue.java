package cn.huiyin.routing.domain;

import java.util.Map;

/** A snapshot of the dispatch catalogue and the names of the handling units. */
public record Catalogue(Map<String, DispatchRule> rules, Map<String, String> unitNames) {

    public Catalogue {
        rules = Map.copyOf(rules);
        unitNames = Map.copyOf(unitNames);
    }

    public boolean knowsCategory(String category) {
        return rules.containsKey(category);
    }
}
