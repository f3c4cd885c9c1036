package cn.huiyin.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Kaplan–Meier with the open appeals censored, and the Nelson–Aalen hazard a unit's pace is read against. */
class SurvivalTest {

    @Test
    void answered_appeals_alone_give_the_share_not_yet_answered() {
        Survival s = Survival.of(new long[] { 100, 200, 300, 400 }, new long[0]);
        assertThat(s.ratio(0, 250)).isCloseTo(0.5, within(1e-9));
        assertThat(s.ratio(150, 350)).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.atRiskAfter(250)).isEqualTo(2);
    }

    @Test
    void an_open_appeal_stays_at_risk_until_its_time_so_far_and_then_drops_out_without_an_answer() {
        // answered at 100 and 300; open for 200 so far
        Survival s = Survival.of(new long[] { 100, 300 }, new long[] { 200 });
        // 3 at risk at 100 (one answered) → 2/3; the open one leaves at 200; 1 at risk at 300 (answered) → 0
        assertThat(s.ratio(0, 250)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.ratio(0, 300)).isZero();
        // left out, the open appeal would make the curve shorter: half answered by 100 instead of a third
        assertThat(Survival.of(new long[] { 100, 300 }, new long[0]).ratio(0, 250)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void the_smoothed_reading_is_one_beyond_everything_seen_and_the_record_when_the_record_is_long() {
        Survival few = Survival.of(new long[] { 100 }, new long[0]);
        assertThat(few.stillOpen(150, 500)).isEqualTo(1.0);
        long[] many = new long[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i + 1;
        }
        assertThat(Survival.of(many, new long[0]).stillOpen(0, 500)).isCloseTo(0.5, within(0.001));
    }

    @Test
    void the_hazard_summed_over_the_curves_own_appeals_gives_back_the_answers() {
        long[] answered = { 50, 100, 100, 100, 220, 400, 900 };
        long[] open = { 80, 300, 1200 };
        Survival s = Survival.of(answered, open);
        double expected = 0;
        for (long t : answered) {
            expected += s.cumulativeHazard(t);
        }
        for (long t : open) {
            expected += s.cumulativeHazard(t);
        }
        assertThat(expected).isCloseTo(answered.length, within(1e-9));
    }
}
