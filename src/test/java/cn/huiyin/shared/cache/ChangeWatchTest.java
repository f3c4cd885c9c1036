package cn.huiyin.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ChangeWatchTest {

    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 3_000_000_000L); // the ticker may wrap around
    private final ChangeWatch watch = new ChangeWatch(Duration.ofSeconds(2), now::get);

    @Test
    void nothing_is_checked_before_the_period_has_passed() {
        now.addAndGet(1_999_999_999L);
        assertThat(watch.due()).isFalse();
    }

    @Test
    void once_the_period_has_passed_one_caller_checks_and_the_next_check_is_a_period_later() {
        now.addAndGet(2_000_000_000L);
        assertThat(watch.due()).isTrue();
        assertThat(watch.due()).isFalse();

        now.addAndGet(1_000_000_000L);
        assertThat(watch.due()).isFalse();
        now.addAndGet(1_000_000_000L); // past Long.MAX_VALUE: still counted right
        assertThat(watch.due()).isTrue();
    }

    @Test
    void an_idle_stretch_gives_one_check_not_one_per_missed_period() {
        now.addAndGet(60_000_000_000L);
        assertThat(watch.due()).isTrue();
        assertThat(watch.due()).isFalse();
    }

    @Test
    void an_announced_change_makes_the_next_use_check_at_once_and_then_the_period_starts_again() {
        now.addAndGet(1_000_000_000L);
        watch.recheckNow();
        assertThat(watch.due()).isTrue();
        assertThat(watch.due()).as("one caller checks").isFalse();

        now.addAndGet(1_999_999_999L);
        assertThat(watch.due()).isFalse();
        now.addAndGet(1L);
        assertThat(watch.due()).isTrue();
    }
}
