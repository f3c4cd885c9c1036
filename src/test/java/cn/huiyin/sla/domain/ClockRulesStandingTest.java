package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which versions still matter on a day, and how a new version takes over from its date on. */
class ClockRulesStandingTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static ClockRule rule(long id, ClockKind clock, String type, String category, int amount, String from) {
        return new ClockRule(id, clock, type, category, null, amount, ClockUnit.WORKING_DAYS, "依据 " + id,
                LocalDate.parse(from));
    }

    private static final ClockRules RULES = new ClockRules(List.of(
            rule(1, ClockKind.HANDLE, "CONSULT", null, 2, "2025-01-01"),
            rule(2, ClockKind.HANDLE, "HELP", null, 10, "2025-01-01"),
            rule(3, ClockKind.RESPOND, null, null, 1, "2025-01-01"),
            // CONSULT shortened from 2026-07-01: replaces rule 1
            rule(4, ClockKind.HANDLE, "CONSULT", null, 1, "2026-07-01"),
            // a second version for the same day: the newer row wins
            rule(5, ClockKind.HANDLE, "CONSULT", null, 3, "2026-07-01"),
            // dated ahead
            rule(6, ClockKind.HANDLE, "CONSULT", null, 5, "2027-01-01"),
            rule(7, ClockKind.RESPOND, null, "TAX_SERVICE", 1, "2026-12-08"),
            // added today, effective today
            rule(8, ClockKind.HANDLE, "HELP", null, 8, "2026-12-07")));

    private static List<Long> ids(List<ClockRule> rules) {
        return rules.stream().map(ClockRule::id).toList();
    }

    @Test
    void each_set_of_matchers_has_one_version_in_force_and_the_later_ones_wait_for_their_date() {
        ClockRules.Standing standing = RULES.standing(TODAY);
        // by clock (RESPOND before HANDLE), then effective date, then id
        assertThat(ids(standing.inForce())).containsExactly(3L, 5L, 8L);
        assertThat(ids(standing.scheduled())).containsExactly(7L, 6L);
    }

    @Test
    void a_scheduled_version_is_in_force_from_its_date_and_selected_for_clocks_that_start_then() {
        LocalDate newYear = LocalDate.parse("2027-01-01");
        assertThat(ids(RULES.standing(newYear).inForce())).containsExactly(3L, 7L, 8L, 6L);
        assertThat(RULES.standing(newYear).scheduled()).isEmpty();
        assertThat(RULES.select(ClockKind.HANDLE, "CONSULT", "TAX_SERVICE", false, TODAY).map(ClockRule::id)).contains(5L);
        assertThat(RULES.select(ClockKind.HANDLE, "CONSULT", "TAX_SERVICE", false, newYear).map(ClockRule::id)).contains(6L);
    }

    @Test
    void what_is_in_force_is_what_select_picks_for_those_matchers() {
        assertThat(RULES.select(ClockKind.HANDLE, "HELP", "POWER", false, TODAY).map(ClockRule::id)).contains(8L);
        assertThat(RULES.select(ClockKind.HANDLE, "HELP", "POWER", false, TODAY.minusDays(1)).map(ClockRule::id)).contains(2L);
        assertThat(RULES.select(ClockKind.RESPOND, "HELP", "TAX_SERVICE", false, TODAY).map(ClockRule::id)).contains(3L);
        assertThat(RULES.select(ClockKind.RESPOND, "HELP", "TAX_SERVICE", false, TODAY.plusDays(1)).map(ClockRule::id))
                .contains(7L);
    }

    @Test
    void a_running_clock_finds_its_version_by_id_whatever_replaced_it() {
        assertThat(RULES.byId(1).map(ClockRule::amount)).contains(2);
        assertThat(RULES.byId(99)).isEmpty();
    }
}
