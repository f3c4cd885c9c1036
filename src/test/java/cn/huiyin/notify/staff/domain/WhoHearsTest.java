package cn.huiyin.notify.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.sla.domain.EscalationStep;

/** Who hears of which step of a late appeal, by the default rules and by rules set otherwise. */
class WhoHearsTest {

    private static final DeskRole DESK = new DeskRole("DRC", "dispatcher");

    /** A tax bureau with two commissioners (one off duty), its leader, another unit, the desk and the district. */
    private static final List<RosterEntry> ROSTER = List.of(
            new RosterEntry("zhou", "commissioner", "TAX", true),
            new RosterEntry("wu", "commissioner", "TAX", true),
            new RosterEntry("away", "commissioner", "TAX", false),
            new RosterEntry("tax-leader", "unit-leader", "TAX", false),
            new RosterEntry("samr-commissioner", "commissioner", "SAMR", true),
            new RosterEntry("samr-leader", "unit-leader", "SAMR", true),
            new RosterEntry("huang", "dispatcher", "DRC", true),
            new RosterEntry("night-desk", "dispatcher", "DRC", false),
            new RosterEntry("zheng", "district-leader", null, true));

    private static EscalatedAppeal heldBy(String assignee) {
        return new EscalatedAppeal(1, "2612070000013", "发票开具失败", "TAX", assignee);
    }

    private static List<String> hear(EscalationStep step, EscalatedAppeal appeal, List<RosterEntry> roster) {
        return WhoHears.recipients(NoticeRules.DEFAULTS.audiencesOf(step), appeal, roster, DESK).stream()
                .map(r -> r.username() + "/" + r.audience()).toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "WARNING;     zhou/HOLDER",
            "OVERDUE;     zhou/HOLDER, tax-leader/UNIT_LEADERS",
            "SUPERVISION; zhou/HOLDER, tax-leader/UNIT_LEADERS, huang/SUPERVISION_DESK, zheng/DISTRICT_LEADERS" })
    void each_step_reaches_further_than_the_one_before(EscalationStep step, String expected) {
        assertThat(hear(step, heldBy("zhou"), ROSTER)).containsExactly(expected.split(",\\s*"));
    }

    @Test
    void an_appeal_nobody_holds_warns_the_units_commissioners_on_duty() {
        assertThat(hear(EscalationStep.WARNING, heldBy(null), ROSTER)).containsExactly("wu/HOLDER", "zhou/HOLDER");
    }

    @Test
    void the_holder_hears_even_when_off_duty() {
        assertThat(hear(EscalationStep.WARNING, heldBy("away"), ROSTER)).containsExactly("away/HOLDER");
    }

    @Test
    void a_unit_with_nobody_on_duty_leaves_the_warning_to_the_desk() {
        List<RosterEntry> nobodyOnDuty = ROSTER.stream()
                .filter(e -> !("TAX".equals(e.unitCode()) && "commissioner".equals(e.role()) && e.onDuty())).toList();
        assertThat(hear(EscalationStep.WARNING, heldBy(null), nobodyOnDuty)).containsExactly("huang/HOLDER");
    }

    @Test
    void an_appeal_no_unit_holds_is_the_desks_and_has_no_unit_leaders() {
        EscalatedAppeal unplaced = new EscalatedAppeal(2, "2612070000021", "待分拨", null, null);
        assertThat(hear(EscalationStep.OVERDUE, unplaced, ROSTER)).containsExactly("huang/HOLDER");
    }

    @Test
    void a_desk_with_nobody_on_duty_is_told_as_a_whole() {
        List<RosterEntry> deskAway = ROSTER.stream().map(e -> "dispatcher".equals(e.role())
                ? new RosterEntry(e.username(), e.role(), e.unitCode(), false) : e).toList();
        assertThat(hear(EscalationStep.SUPERVISION, heldBy("zhou"), deskAway))
                .contains("huang/SUPERVISION_DESK", "night-desk/SUPERVISION_DESK");
    }

    @Test
    void someone_in_two_audiences_hears_once_under_the_first() {
        // the desk holds an appeal it has not placed yet, and is the desk too
        EscalatedAppeal unplaced = new EscalatedAppeal(2, "2612070000021", "待分拨", null, null);
        assertThat(hear(EscalationStep.SUPERVISION, unplaced, ROSTER))
                .containsExactly("huang/HOLDER", "zheng/DISTRICT_LEADERS");
    }

    @Test
    void rules_set_otherwise_are_followed() {
        NoticeRules leadersOnly = new NoticeRules(Map.of(EscalationStep.SUPERVISION,
                List.of(Audience.DISTRICT_LEADERS, Audience.UNIT_LEADERS)));
        assertThat(WhoHears.recipients(leadersOnly.audiencesOf(EscalationStep.SUPERVISION), heldBy("zhou"), ROSTER, DESK))
                .containsExactly(new Recipient("zheng", Audience.DISTRICT_LEADERS),
                        new Recipient("tax-leader", Audience.UNIT_LEADERS));
        assertThat(leadersOnly.audiencesOf(EscalationStep.WARNING)).isEmpty();
    }
}
