package cn.huiyin.shared.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ResubscribeDelaysTest {

    @Test
    void the_longest_draws_double_from_half_a_second_up_to_ten_seconds() {
        ResubscribeDelays delays = new ResubscribeDelays(() -> 0.999_999);
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(499));
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(999));
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(1999));
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(3999));
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(7999));
        for (int i = 0; i < 40; i++) {
            assertThat(delays.next()).isEqualTo(Duration.ofMillis(9999));
        }
    }

    @Test
    void the_shortest_draws_are_half_of_each_step_so_replicas_spread_out() {
        ResubscribeDelays delays = new ResubscribeDelays(() -> 0.0);
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 10; i++) {
            delays.next();
        }
        assertThat(delays.next()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_subscription_back_starts_the_next_loss_from_the_shortest_wait() {
        ResubscribeDelays delays = new ResubscribeDelays(() -> 0.0);
        delays.next();
        delays.next();
        delays.next();
        delays.reset();
        assertThat(delays.next()).isEqualTo(Duration.ofMillis(250));
    }
}
