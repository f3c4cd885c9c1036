package cn.huiyin.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.security.GuessWindow.Tally;

class GuessWindowTest {

    @Test
    void an_attempt_goes_ahead_while_every_counter_including_it_is_within_its_limit() {
        assertThat(GuessWindow.retryAfterSeconds(List.of())).isZero();
        assertThat(GuessWindow.retryAfterSeconds(List.of(new Tally(1, 900_000, 10), new Tally(1, 900_000, 30)))).isZero();
        assertThat(GuessWindow.retryAfterSeconds(List.of(new Tally(10, 5_000, 10), new Tally(30, 5_000, 30)))).isZero();
    }

    @Test
    void over_a_limit_it_waits_until_the_last_counter_over_its_limit_runs_out() {
        assertThat(GuessWindow.retryAfterSeconds(List.of(new Tally(11, 120_000, 10), new Tally(12, 900_000, 30))))
                .isEqualTo(120);
        assertThat(GuessWindow.retryAfterSeconds(List.of(new Tally(11, 120_000, 10), new Tally(31, 300_001, 30))))
                .isEqualTo(301);
    }

    @Test
    void the_wait_is_at_least_a_second_and_a_minute_on_the_pages() {
        assertThat(GuessWindow.retryAfterSeconds(List.of(new Tally(11, 0, 10)))).isEqualTo(1);
        assertThat(GuessWindow.retryAfterSeconds(List.of(new Tally(11, 1, 10)))).isEqualTo(1);
        assertThat(GuessWindow.minutes(1)).isEqualTo(1);
        assertThat(GuessWindow.minutes(60)).isEqualTo(1);
        assertThat(GuessWindow.minutes(61)).isEqualTo(2);
        assertThat(GuessWindow.minutes(900)).isEqualTo(15);
    }
}
