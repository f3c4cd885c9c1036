package cn.huiyin.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forecast reads the unit's handling times as a survival curve, conditioned on the time already spent. */
class BreachForecastTest {

    private static final HandlingTimes TIMES = HandlingTimes.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
    private static final BreachForecast FORECAST = new BreachForecast(1, 4);

    @Test
    void an_appeal_with_little_time_left_is_likelier_to_miss() {
        double tight = FORECAST.missProbability(TIMES, 0, 150, UnitLoad.USUAL);
        double ample = FORECAST.missProbability(TIMES, 0, 950, UnitLoad.USUAL);
        assertThat(tight).isGreaterThan(ample);
    }

    @Test
    void an_appeal_that_outlasted_the_quick_ones_is_judged_on_the_slow_ones() {
        HandlingTimes mostlyQuick = HandlingTimes.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 5000);
        assertThat(FORECAST.missProbability(mostlyQuick, 150, 200, UnitLoad.USUAL)).isGreaterThan(0.9);
        assertThat(FORECAST.missProbability(mostlyQuick, 0, 200, UnitLoad.USUAL)).isLessThan(0.2);
    }

    @Test
    void a_backlog_above_usual_raises_the_risk() {
        UnitLoad busy = new UnitLoad(30, 10);
        assertThat(FORECAST.missProbability(TIMES, 200, 300, busy))
                .isGreaterThan(FORECAST.missProbability(TIMES, 200, 300, UnitLoad.USUAL));
    }

    @Test
    void a_clock_already_run_out_is_certain_and_no_history_is_a_coin() {
        assertThat(FORECAST.missProbability(TIMES, 500, 0, UnitLoad.USUAL)).isEqualTo(1.0);
        assertThat(FORECAST.missProbability(HandlingTimes.of(), 0, 100, UnitLoad.USUAL)).isEqualTo(0.5);
    }
}
