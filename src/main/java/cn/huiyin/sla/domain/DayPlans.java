package cn.huiyin.sla.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One planner's memory of what its working-day plans share per rule and start day (see {@link SlaPlanner#plan}):
 * every appeal dispatched on a day under the same rule gets the same deadline, so the calendar is walked once a day
 * and rule instead of once an appeal. Bounded: re-planning years of history fills it with days that will not recur.
 */
final class DayPlans {

    static final int LIMIT = 2048;

    /** The rule is compared by value, so a rule changed under the same id is a different key. */
    record Key(ClockKind clock, ClockRule rule, LocalDate day, int extensionDays) {
    }

    /** The deadline and supervision step of the key's clocks, and the office periods up to the deadline. */
    record DayPlan(Deadline deadline, Instant supervision, OfficePeriods office) {
    }

    private final Map<Key, DayPlan> plans = new ConcurrentHashMap<>();

    DayPlan of(Key key, Function<Key, DayPlan> compute) {
        DayPlan known = plans.get(key);
        if (known != null) {
            return known;
        }
        if (plans.size() >= LIMIT) {
            plans.clear();
        }
        return plans.computeIfAbsent(key, compute);
    }

    int size() {
        return plans.size();
    }
}
