package cn.huiyin.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A unit's history compares an appeal only with appeals whose clocks are alike (allowed times within a factor of two). */
class UnitHistoryTest {

    private static final UnitHistory HISTORY = UnitHistory.of(
            List.of(new UnitHistory.Finished(300, 840), new UnitHistory.Finished(500, 1260),
                    new UnitHistory.Finished(3000, 4200), new UnitHistory.Finished(5000, 6300)),
            List.of(new UnitHistory.Open(600, 840), new UnitHistory.Open(2000, 6720)));

    @Test
    void a_two_day_clock_is_alike_to_a_three_day_one_and_not_to_a_ten_day_one() {
        Survival consultations = HISTORY.clocksLike(840);
        assertThat(consultations.atRiskAfter(0)).isEqualTo(3);     // answered at 300 and 500, open at 600
        assertThat(HISTORY.clocksLike(1260).atRiskAfter(0)).isEqualTo(3);
    }

    @Test
    void ten_and_fifteen_day_clocks_are_alike() {
        assertThat(HISTORY.clocksLike(4200).atRiskAfter(0)).isEqualTo(3);
        assertThat(HISTORY.clocksLike(6300).atRiskAfter(0)).isEqualTo(3);
    }

    @Test
    void an_unknown_clock_is_compared_with_every_appeal() {
        assertThat(HISTORY.clocksLike(0).atRiskAfter(0)).isEqualTo(6);
    }

    @Test
    void it_counts_its_answered_and_open_appeals() {
        assertThat(HISTORY.answered()).isEqualTo(4);
        assertThat(HISTORY.open()).isEqualTo(2);
        assertThat(UnitHistory.empty().clocksLike(840).isEmpty()).isTrue();
    }

    @Test
    void measured_against_itself_a_history_answers_at_its_own_pace() {
        assertThat(HISTORY.expectedAnswersAtPaceOf(HISTORY)).isCloseTo(4, within(1e-9));
        assertThat(BreachForecast.pace(HISTORY, HISTORY)).isCloseTo(1, within(1e-9));
    }
}
