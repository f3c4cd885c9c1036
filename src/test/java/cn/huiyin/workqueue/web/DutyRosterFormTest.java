package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The duty roster's choices as a browser sends them, and where the page goes after a change. */
class DutyRosterFormTest {

    @Test
    void a_unit_is_picked_trimmed_and_nothing_picked_shows_only_the_choice() {
        assertThat(DutyRosterForm.unit("TAX")).isEqualTo("TAX");
        assertThat(DutyRosterForm.unit("  SAMR ")).isEqualTo("SAMR");
        assertThat(DutyRosterForm.unit("")).isNull();
        assertThat(DutyRosterForm.unit("   ")).isNull();
        assertThat(DutyRosterForm.unit(null)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(nullValues = "NULL", value = { "on", "TRUE", "1", "yes", "''", "NULL", "' true'" })
    void a_duty_is_exactly_true_or_false(String typed) {
        assertThat(DutyRosterForm.onDuty(typed)).isEmpty();
    }

    @Test
    void on_and_off_duty_are_read_as_sent() {
        assertThat(DutyRosterForm.onDuty("true")).contains(true);
        assertThat(DutyRosterForm.onDuty("false")).contains(false);
    }

    @Test
    void after_a_change_the_persons_unit_is_shown_again_saying_what_was_done() {
        assertThat(DutyRosterForm.after("TAX", true)).hasToString("/admin/staff?unit=TAX&ok=on");
        assertThat(DutyRosterForm.after("TAX", false)).hasToString("/admin/staff?unit=TAX&ok=off");
        assertThat(DutyRosterForm.after("A&B=C", true)).hasToString("/admin/staff?unit=A%26B%3DC&ok=on");
        assertThat(DutyRosterForm.after(null, true)).hasToString("/admin/staff?unit=&ok=on");
        assertThat(DutyRosterForm.notice("on")).isEqualTo("已设为在岗");
        assertThat(DutyRosterForm.notice("off")).isEqualTo("已设为离岗");
        assertThat(DutyRosterForm.notice("<b>")).isNull();
        assertThat(DutyRosterForm.notice(null)).isNull();
    }
}
