package cn.huiyin.sla.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All rule versions; picks the one that governs a clock for an appeal on a given day. */
public record ClockRules(List<ClockRule> rules) {

    /** Most specific first, then the latest effective date, then the newest row. */
    private static final Comparator<ClockRule> PRECEDENCE = Comparator.comparingInt(ClockRule::specificity)
            .thenComparing(ClockRule::effectiveFrom).thenComparingLong(ClockRule::id).reversed();

    public ClockRules {
        rules = List.copyOf(rules);
    }

    public Optional<ClockRule> select(ClockKind clock, String appealType, String category, boolean urgent, LocalDate on) {
        return rules.stream().filter(r -> r.matches(clock, appealType, category, urgent, on)).min(PRECEDENCE);
    }
}
