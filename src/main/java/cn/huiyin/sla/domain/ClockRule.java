package cn.huiyin.sla.domain;

import java.time.LocalDate;

/**
 * One version of a clock rule. Null matchers match anything; a rule with more matchers is more specific.
 *
 * @param legalSource where the duration comes from, shown to administrators and in the docs
 */
public record ClockRule(long id, ClockKind clock, String appealType, String category, Boolean urgent, int amount,
        ClockUnit unit, String legalSource, LocalDate effectiveFrom) {

    boolean matches(ClockKind kind, String type, String cat, boolean isUrgent, LocalDate on) {
        return clock == kind && !effectiveFrom.isAfter(on)
                && (appealType == null || appealType.equals(type))
                && (category == null || category.equals(cat))
                && (urgent == null || urgent == isUrgent);
    }

    int specificity() {
        return (appealType == null ? 0 : 1) + (category == null ? 0 : 1) + (urgent == null ? 0 : 1);
    }
}
