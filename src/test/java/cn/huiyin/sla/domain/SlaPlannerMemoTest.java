package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Working-day plans are kept per rule and start day; they must be exactly what walking the calendar afresh gives, on
 * holidays, make-up working days (调休), across a year whose calendar is not loaded, and after the rules change.
 */
class SlaPlannerMemoTest {

    private static final LocalDate EFFECTIVE = LocalDate.parse("2025-01-01");
    private static final ZoneId SHANGHAI = ReferenceCalendar.SHANGHAI;

    /** Around and inside both office periods (09:00–12:00, 14:00–18:00), with nanoseconds the plan drops. */
    private static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.parse("08:59:59.999999999"),
            LocalTime.of(9, 0), LocalTime.parse("10:17:23.123456789"), LocalTime.NOON, LocalTime.of(13, 5),
            LocalTime.of(14, 0), LocalTime.parse("17:59:59.9999995"), LocalTime.of(18, 0), LocalTime.MAX);

    private static final List<ClockRule> RULES = List.of(
            rule(1, ClockKind.HANDLE, 1), rule(2, ClockKind.HANDLE, 2), rule(3, ClockKind.HANDLE, 10),
            rule(4, ClockKind.HANDLE, 15), rule(5, ClockKind.RETURN_WINDOW, 1), rule(6, ClockKind.REWORK, 5),
            rule(7, ClockKind.HANDLE, 0));

    @Test
    void kept_plans_equal_fresh_ones_on_every_day_through_holidays_make_up_days_and_an_unloaded_year() {
        SlaPlanner planner = planner(ReferenceCalendar.calendar());
        int compared = 0;
        Set<Boolean> completeness = new HashSet<>();
        // 2025 and 2026 are loaded (Spring Festival, National Day with their make-up Saturdays and Sundays); 2027 is not
        for (LocalDate day = LocalDate.parse("2025-01-01"); day.isBefore(LocalDate.parse("2027-01-20")); day = day.plusDays(1)) {
            for (LocalTime time : TIMES) {
                Instant start = ZonedDateTime.of(day, time, SHANGHAI).toInstant();
                for (ClockRule rule : RULES) {
                    for (int extension : new int[] { 0, 3 }) {
                        ClockPlan kept = planner.plan(rule.clock(), rule, start, extension);
                        assertThat(kept).as("%s from %s %s, +%d days", rule, day, time, extension)
                                .isEqualTo(planner.freshPlan(rule.clock(), rule, start.truncatedTo(
                                        ChronoUnit.MICROS), extension));
                        completeness.add(kept.deadline().calendarComplete());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(completeness).as("deadlines both inside the loaded years and reaching into 2027").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void a_make_up_working_day_and_a_holiday_give_their_own_plans() {
        SlaPlanner planner = planner(ReferenceCalendar.calendar());
        ClockRule tenDays = rule(3, ClockKind.HANDLE, 10);
        // Sunday 2025-09-28 is a working day (调休); 2025-10-01..08 are off
        for (String at : List.of("2025-09-28T10:00:00+08:00", "2025-09-28T16:30:00+08:00", "2025-10-03T10:00:00+08:00",
                "2025-10-09T09:30:00+08:00", "2025-10-11T15:00:00+08:00")) {
            Instant start = ZonedDateTime.parse(at).toInstant();
            planner.plan(tenDays.clock(), tenDays, start); // keep the day's plan, then ask again from it
            assertThat(planner.plan(tenDays.clock(), tenDays, start)).as(at)
                    .isEqualTo(planner.freshPlan(tenDays.clock(), tenDays, start, 0));
        }
        assertThat(planner.plan(tenDays.clock(), tenDays, ZonedDateTime.parse("2025-09-28T10:00:00+08:00").toInstant())
                .dueAt()).isEqualTo(ZonedDateTime.parse("2025-10-17T18:00:00+08:00").toInstant());
    }

    @Test
    void a_rule_changed_under_the_same_id_is_planned_afresh_not_from_the_kept_day() {
        SlaPlanner planner = planner(ReferenceCalendar.calendar());
        Instant start = ZonedDateTime.parse("2026-04-30T11:00:00+08:00").toInstant();
        ClockRule before = rule(3, ClockKind.HANDLE, 10);
        ClockRule after = new ClockRule(3, ClockKind.HANDLE, null, null, null, 12, ClockUnit.WORKING_DAYS, "changed",
                EFFECTIVE);
        ClockPlan first = planner.plan(before.clock(), before, start);

        ClockPlan changed = planner.plan(after.clock(), after, start);

        assertThat(changed).isEqualTo(planner.freshPlan(after.clock(), after, start, 0));
        assertThat(changed.dueAt()).isAfter(first.dueAt());
    }

    @Test
    void a_new_calendar_comes_with_a_new_planner_that_keeps_nothing_of_the_old_one() {
        WorkCalendar reference = ReferenceCalendar.calendar();
        SlaPlanner planner = planner(reference);
        ClockRule tenDays = rule(3, ClockKind.HANDLE, 10);
        Instant start = ZonedDateTime.parse("2026-06-01T10:00:00+08:00").toInstant();
        ClockPlan old = planner.plan(tenDays.clock(), tenDays, start);

        Set<LocalDate> holidays = new HashSet<>(reference.holidays());
        holidays.add(LocalDate.parse("2026-06-03")); // a day off announced later
        SlaPlanner replanned = planner(new WorkCalendar(holidays, reference.workdays(), reference.loadedYears(),
                reference.officeHours(), reference.zone()));
        ClockPlan fresh = replanned.plan(tenDays.clock(), tenDays, start);

        assertThat(fresh).isEqualTo(replanned.freshPlan(tenDays.clock(), tenDays, start, 0));
        assertThat(fresh.dueAt()).isEqualTo(old.dueAt().plus(Duration.ofDays(1)));
    }

    @Test
    void the_kept_days_stay_bounded_when_years_of_history_are_replanned() {
        SlaPlanner planner = planner(ReferenceCalendar.calendar());
        ClockRule tenDays = rule(3, ClockKind.HANDLE, 10);
        List<Integer> sizes = new ArrayList<>();
        LocalDate day = LocalDate.parse("2020-01-01");
        for (int i = 0; i < DayPlans.LIMIT + 100; i++, day = day.plusDays(1)) {
            planner.plan(tenDays.clock(), tenDays, ZonedDateTime.of(day, LocalTime.of(10, 0), SHANGHAI).toInstant());
            sizes.add(planner.keptDays());
        }
        assertThat(sizes).allMatch(size -> size <= DayPlans.LIMIT);
        assertThat(sizes.get(DayPlans.LIMIT - 1)).isEqualTo(DayPlans.LIMIT);
    }

    private static SlaPlanner planner(WorkCalendar calendar) {
        return new SlaPlanner(new ClockRules(RULES), new DeadlineCalculator(calendar));
    }

    private static ClockRule rule(long id, ClockKind clock, int workingDays) {
        return new ClockRule(id, clock, null, null, null, workingDays, ClockUnit.WORKING_DAYS, "test", EFFECTIVE);
    }
}
