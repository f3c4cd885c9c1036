package cn.huiyin.sla.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a clock runs out. {@code calendarComplete} is false when the computation had to guess working
 * days for a year whose holidays are not loaded yet (it then assumes a plain Mon–Fri week); the
 * service shows that as a warning so nobody trusts a deadline that may still move.
 */
public record Deadline(Instant due, boolean calendarComplete, Set<Integer> missingYears) {

    public Deadline {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(missingYears, "missingYears");
        missingYears = Collections.unmodifiableSortedSet(new TreeSet<>(missingYears));
        if (calendarComplete != missingYears.isEmpty()) {
            throw new IllegalArgumentException(
                    "a deadline is complete exactly when no year is missing, but complete=" + calendarComplete
                            + " with missing years " + missingYears);
        }
    }

    static Deadline of(Instant due, Set<Integer> missingYears) {
        return new Deadline(due, missingYears.isEmpty(), missingYears);
    }
}
