package cn.huiyin.sla.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** What a clock would be under the current rules, for an administrator checking a rule. */
public record ClockPreview(String clock, String label, long ruleId, int amount, String unit, String legalSource,
        LocalDate effectiveFrom, Instant dueAt, Instant warningAt, Instant supervisionAt, boolean calendarComplete,
        Set<Integer> missingYears) {
}
