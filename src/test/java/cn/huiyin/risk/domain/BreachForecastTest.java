package cn.huiyin.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The forecast reads survival curves of clocks alike, conditioned on the time already spent, from the city's curve at
 * the unit's pace and from the unit's own curve as its record grows.
 */
class BreachForecastTest {

    private static final long CONSULT = 840;      // 2 working days
    private static final long CASE = 4200;        // 10 working days
    private static final BreachForecast FORECAST = new BreachForecast(1, 4);

    @Test
    void an_appeal_with_little_time_left_is_likelier_to_miss() {
        UnitHistory unit = answered(CASE, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
        double tight = FORECAST.missProbability(unit, unit, 0, 150, CASE, UnitLoad.USUAL);
        double ample = FORECAST.missProbability(unit, unit, 0, 950, CASE, UnitLoad.USUAL);
        assertThat(tight).isGreaterThan(ample);
    }

    @Test
    void an_appeal_that_outlasted_the_quick_ones_is_judged_on_the_slow_ones() {
        UnitHistory mostlyQuick = answered(CASE, 100, 100, 100, 100, 100, 100, 100, 100, 100, 5000);
        assertThat(FORECAST.missProbability(mostlyQuick, mostlyQuick, 150, 200, CASE, UnitLoad.USUAL)).isGreaterThan(0.9);
        assertThat(FORECAST.missProbability(mostlyQuick, mostlyQuick, 0, 200, CASE, UnitLoad.USUAL)).isLessThan(0.2);
    }

    @Test
    void a_consultation_is_judged_on_consultations_not_on_the_units_long_cases() {
        // answered consultations all take about a day; the unit's cases take a week or more
        List<UnitHistory.Finished> finished = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            finished.add(new UnitHistory.Finished(300 + 5 * i, CONSULT));
            finished.add(new UnitHistory.Finished(2000 + 50 * i, CASE));
        }
        UnitHistory unit = UnitHistory.of(finished, List.of());
        // open half a day, a day and a half left: the consultations say it will be answered, the pool would not
        assertThat(FORECAST.missProbability(unit, unit, 210, 630, CONSULT, UnitLoad.USUAL)).isLessThan(0.1);
        assertThat(FORECAST.missProbability(unit, unit, 210, 630, CASE, UnitLoad.USUAL)).isGreaterThan(0.9);
    }

    @Test
    void appeals_still_open_count_as_lasting_at_least_so_long() {
        UnitHistory answeredOnly = answered(CASE, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550);
        List<UnitHistory.Open> stuck = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stuck.add(new UnitHistory.Open(3000, CASE));
        }
        UnitHistory withOpen = UnitHistory.of(finishedOf(CASE, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550), stuck);
        // half of the cohort is still open after a week: an appeal already open 600 minutes is likely to stay open
        assertThat(FORECAST.missProbability(withOpen, withOpen, 600, 1000, CASE, UnitLoad.USUAL)).isGreaterThan(0.9);
        assertThat(FORECAST.missProbability(answeredOnly, answeredOnly, 600, 1000, CASE, UnitLoad.USUAL))
                .isEqualTo(1.0);     // outlasted everything answered: nothing else is known
        assertThat(FORECAST.missProbability(withOpen, withOpen, 120, 200, CASE, UnitLoad.USUAL))
                .isGreaterThan(FORECAST.missProbability(answeredOnly, answeredOnly, 120, 200, CASE, UnitLoad.USUAL));
    }

    @Test
    void a_unit_with_little_history_is_read_at_its_pace_on_the_citys_curve() {
        List<UnitHistory.Finished> cityAnswers = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            cityAnswers.add(new UnitHistory.Finished(20L * i, CASE));     // 20 … 4000 minutes, evenly
        }
        UnitHistory city = UnitHistory.of(cityAnswers, List.of());
        UnitHistory slow = answered(CASE, 2400, 2800, 3200, 3600, 3900);
        UnitHistory quick = answered(CASE, 50, 100, 150, 200, 250);
        assertThat(BreachForecast.pace(slow, city)).isLessThan(1);
        assertThat(BreachForecast.pace(quick, city)).isGreaterThan(1);
        double slowRisk = FORECAST.missProbability(slow, city, 100, 1000, CASE, UnitLoad.USUAL);
        double quickRisk = FORECAST.missProbability(quick, city, 100, 1000, CASE, UnitLoad.USUAL);
        assertThat(slowRisk).isGreaterThan(quickRisk);
    }

    @Test
    void a_backlog_above_usual_raises_the_risk() {
        UnitHistory unit = answered(CASE, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
        UnitLoad busy = new UnitLoad(30, 10);
        assertThat(FORECAST.missProbability(unit, unit, 200, 300, CASE, busy))
                .isGreaterThan(FORECAST.missProbability(unit, unit, 200, 300, CASE, UnitLoad.USUAL));
    }

    @Test
    void a_clock_already_run_out_is_certain_and_no_history_is_a_coin() {
        UnitHistory unit = answered(CASE, 100, 200, 300);
        assertThat(FORECAST.missProbability(unit, unit, 500, 0, CASE, UnitLoad.USUAL)).isEqualTo(1.0);
        assertThat(FORECAST.missProbability(UnitHistory.empty(), UnitHistory.empty(), 0, 100, CASE, UnitLoad.USUAL))
                .isEqualTo(0.5);
    }

    @SuppressWarnings("deprecation")
    @Test
    void the_former_reading_from_one_pool_still_answers() {
        HandlingTimes times = HandlingTimes.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
        assertThat(FORECAST.missProbability(times, 0, 150, UnitLoad.USUAL))
                .isGreaterThan(FORECAST.missProbability(times, 0, 950, UnitLoad.USUAL));
        assertThat(FORECAST.missProbability(HandlingTimes.of(), 0, 100, UnitLoad.USUAL)).isEqualTo(0.5);
    }

    static UnitHistory answered(long allowed, long... handled) {
        return UnitHistory.of(finishedOf(allowed, handled), List.of());
    }

    static List<UnitHistory.Finished> finishedOf(long allowed, long... handled) {
        List<UnitHistory.Finished> finished = new ArrayList<>();
        for (long h : handled) {
            finished.add(new UnitHistory.Finished(h, allowed));
        }
        return finished;
    }
}
