package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaPlannerTest {

    private static final LocalDate EFFECTIVE = LocalDate.parse("2025-01-01");

    private static final ClockRules RULES = new ClockRules(List.of(
            new ClockRule(1, ClockKind.RESPOND, null, null, null, 1, ClockUnit.WORKING_HOURS, "响应", EFFECTIVE),
            new ClockRule(2, ClockKind.RESPOND, null, null, true, 30, ClockUnit.NATURAL_MINUTES, "紧急响应", EFFECTIVE),
            new ClockRule(3, ClockKind.HANDLE, "CONSULT", null, null, 2, ClockUnit.WORKING_DAYS, "咨询", EFFECTIVE),
            new ClockRule(4, ClockKind.HANDLE, "COMPLAINT", null, null, 15, ClockUnit.WORKING_DAYS, "投诉", EFFECTIVE),
            new ClockRule(5, ClockKind.HANDLE, null, "POWER", true, 24, ClockUnit.NATURAL_HOURS, "停电", EFFECTIVE),
            new ClockRule(6, ClockKind.RETURN_WINDOW, null, null, null, 1, ClockUnit.WORKING_DAYS, "退单", EFFECTIVE),
            new ClockRule(7, ClockKind.HANDLE, "CONSULT", null, null, 3, ClockUnit.WORKING_DAYS, "咨询（新规）",
                    LocalDate.parse("2026-07-01"))));

    private static SlaPlanner planner() {
        WorkCalendar calendar = WorkCalendar.parseCsv(new InputStreamReader(
                SlaPlannerTest.class.getResourceAsStream("/reference/cn-work-calendar.csv"), StandardCharsets.UTF_8));
        return new SlaPlanner(RULES, new DeadlineCalculator(calendar));
    }

    @ParameterizedTest(name = "{0} {1} {2} urgent={3} on {4} → rule {5}")
    @CsvSource(nullValues = "-", value = {
            "RESPOND, CONSULT,   TAX_SERVICE, false, 2026-03-02, 1",
            "RESPOND, HELP,      POWER,       true,  2026-03-02, 2",
            "HANDLE,  CONSULT,   TAX_SERVICE, false, 2026-03-02, 3",
            "HANDLE,  CONSULT,   TAX_SERVICE, false, 2026-07-01, 7",
            "HANDLE,  COMPLAINT, POWER,       false, 2026-03-02, 4",
            "HANDLE,  COMPLAINT, POWER,       true,  2026-03-02, 5",
            "HANDLE,  HELP,      TAX_SERVICE, false, 2026-03-02, -",
    })
    void the_most_specific_rule_in_force_governs(ClockKind clock, String type, String category, boolean urgent,
            LocalDate on, Long expectedRule) {
        assertThat(RULES.select(clock, type, category, urgent, on).map(ClockRule::id).orElse(null)).isEqualTo(expectedRule);
    }

    @Test
    void the_rating_window_acts_at_its_end_instead_of_climbing_the_ladder() {
        ClockRule evaluate = new ClockRule(8, ClockKind.EVALUATE, null, null, null, 7, ClockUnit.NATURAL_DAYS, "评价",
                EFFECTIVE);
        ClockPlan plan = planner().plan(ClockKind.EVALUATE, evaluate, Instant.parse("2025-09-30T08:00:00Z"));

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2025-10-07T08:00:00Z"));
        assertThat(plan.timers()).containsExactly(new ClockPlan.TimerPlan(EscalationStep.EXPIRY, plan.dueAt()));
        assertThat(EscalationStep.EXPIRY.recipients("TAX")).isEmpty();
    }

    @Test
    void dispatch_before_national_day_starts_three_clocks_with_a_ladder_on_the_two_that_escalate() {
        // 2025-09-30 16:00 in Guangzhou; 10-01..10-08 are holidays, so the next working days are 10-09 and 10-10
        Instant dispatched = Instant.parse("2025-09-30T08:00:00Z");
        List<ClockPlan> plans = planner().atDispatch("CONSULT", "TAX_SERVICE", false, dispatched);

        assertThat(plans).extracting(ClockPlan::clock)
                .containsExactly(ClockKind.RESPOND, ClockKind.HANDLE, ClockKind.RETURN_WINDOW);
        ClockPlan respond = plans.get(0);
        assertThat(respond.dueAt()).isEqualTo(Instant.parse("2025-09-30T09:00:00Z"));
        assertThat(respond.timers()).extracting(ClockPlan.TimerPlan::dueAt).containsExactly(
                Instant.parse("2025-09-30T08:48:00Z"), Instant.parse("2025-09-30T09:00:00Z"),
                Instant.parse("2025-10-09T10:00:00Z"));
        ClockPlan handle = plans.get(1);
        assertThat(handle.dueAt()).isEqualTo(Instant.parse("2025-10-10T10:00:00Z"));
        assertThat(handle.timers()).extracting(ClockPlan.TimerPlan::step).containsExactly(EscalationStep.WARNING,
                EscalationStep.OVERDUE, EscalationStep.SUPERVISION);
        assertThat(handle.timers().get(2).dueAt()).isEqualTo(Instant.parse("2025-10-11T10:00:00Z"));
        assertThat(plans.get(2).timers()).isEmpty();
        assertThat(plans.get(2).dueAt()).isEqualTo(Instant.parse("2025-10-09T10:00:00Z"));
    }

    @Test
    void an_extension_adds_working_days_after_the_original_due_time() {
        ClockRule consult = RULES.rules().get(2);
        ClockPlan extended = planner().plan(ClockKind.HANDLE, consult, Instant.parse("2026-03-02T02:00:00Z"), 3);
        // 2 working days from Mon 2026-03-02 → Wed 03-04 18:00; 3 more → Mon 03-09 18:00 (Shanghai)
        assertThat(extended.dueAt()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
    }

    @Test
    void escalation_reaches_further_up_at_each_step() {
        assertThat(EscalationStep.WARNING.recipients("TAX")).containsExactly("unit:TAX/handler");
        assertThat(EscalationStep.OVERDUE.recipients("TAX")).containsExactly("unit:TAX/handler", "unit:TAX/leader");
        assertThat(EscalationStep.SUPERVISION.recipients("TAX")).contains("district-office");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "2026-03-02T01:00:00Z, -,                    ON_TIME",
            "2026-03-02T03:00:00Z, -,                    WARNING",
            "2026-03-02T04:00:00Z, -,                    OVERDUE",
            "2026-03-03T05:00:00Z, -,                    SUPERVISED",
            "2026-03-03T05:00:00Z, 2026-03-02T02:30:00Z, STOPPED",
    })
    void a_clock_state_follows_its_timers(Instant now, Instant stoppedAt, ClockState expected) {
        assertThat(ClockState.of(now, stoppedAt, Instant.parse("2026-03-02T02:48:00Z"), Instant.parse("2026-03-02T04:00:00Z"),
                Instant.parse("2026-03-03T04:00:00Z"))).isEqualTo(expected);
    }

    @Test
    void a_plan_is_in_microseconds_so_replanning_a_stored_clock_changes_nothing() {
        ClockRule consult = RULES.rules().get(2);
        Instant withNanos = Instant.parse("2026-03-02T02:13:07.123456789Z");
        ClockPlan first = planner().plan(ClockKind.HANDLE, consult, withNanos);
        ClockPlan replanned = planner().plan(ClockKind.HANDLE, consult, first.startedAt());

        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-03-02T02:13:07.123456Z"));
        assertThat(replanned.timers()).isEqualTo(first.timers());
        assertThat(first.timers()).allSatisfy(t -> assertThat(t.dueAt().getNano() % 1000).isZero());
    }
}
