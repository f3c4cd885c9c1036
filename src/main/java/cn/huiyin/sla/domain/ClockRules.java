package cn.huiyin.sla.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All rule versions; picks the one that governs a clock for an appeal on a given day. */
public record ClockRules(List<ClockRule> rules) {

    /** Most specific first, then the latest effective date, then the newest row. */
    private static final Comparator<ClockRule> PRECEDENCE = Comparator.comparingInt(ClockRule::specificity)
            .thenComparing(ClockRule::effectiveFrom).thenComparingLong(ClockRule::id).reversed();

    /** Among versions with the same matchers: the latest effective date, then the newest row, wins. */
    private static final Comparator<ClockRule> NEWEST = Comparator.comparing(ClockRule::effectiveFrom)
            .thenComparingLong(ClockRule::id);

    private static final Comparator<ClockRule> LISTED = Comparator.comparing(ClockRule::clock)
            .thenComparing(ClockRule::effectiveFrom).thenComparingLong(ClockRule::id);

    /**
     * The versions that still matter on a day: for each clock and set of matchers the version in force, and the
     * versions dated ahead (each comes into force on its date). Versions replaced by a later one are history only.
     */
    public record Standing(List<ClockRule> inForce, List<ClockRule> scheduled) {
    }

    /** What a version applies to: versions with the same key replace one another; different keys coexist. */
    private record Key(ClockKind clock, String appealType, String category, Boolean urgent) {

        static Key of(ClockRule rule) {
            return new Key(rule.clock(), rule.appealType(), rule.category(), rule.urgent());
        }
    }

    public ClockRules {
        rules = List.copyOf(rules);
    }

    public Optional<ClockRule> select(ClockKind clock, String appealType, String category, boolean urgent, LocalDate on) {
        return rules.stream().filter(r -> r.matches(clock, appealType, category, urgent, on)).min(PRECEDENCE);
    }

    /** A version by its id, whatever its date: a running clock keeps the version it started under. */
    public Optional<ClockRule> byId(long id) {
        return rules.stream().filter(r -> r.id() == id).findFirst();
    }

    /** In force and scheduled on {@code today}, each list by clock, then effective date, then id. */
    public Standing standing(LocalDate today) {
        Map<Key, ClockRule> inForce = new LinkedHashMap<>();
        List<ClockRule> scheduled = new ArrayList<>();
        for (ClockRule rule : rules) {
            if (rule.effectiveFrom().isAfter(today)) {
                scheduled.add(rule);
            } else {
                inForce.merge(Key.of(rule), rule, (a, b) -> NEWEST.compare(a, b) >= 0 ? a : b);
            }
        }
        return new Standing(inForce.values().stream().sorted(LISTED).toList(),
                scheduled.stream().sorted(LISTED).toList());
    }
}
