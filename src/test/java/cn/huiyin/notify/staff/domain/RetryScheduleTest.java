package cn.huiyin.notify.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A put-off WeCom message waits longer each time, at most an hour, and is given up after the last attempt. */
class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(8);

    @ParameterizedTest(name = "after attempt {0}: wait {1}")
    @CsvSource({ "1, PT30S", "2, PT1M", "3, PT2M", "7, PT32M", "8, PT1H", "30, PT1H" })
    void the_wait_doubles_up_to_an_hour(int attempts, Duration wait) {
        assertThat(schedule.delayAfter(attempts)).isEqualTo(wait);
    }

    @ParameterizedTest(name = "after attempt {0}: again {1}")
    @CsvSource({ "1, true", "7, true", "8, false", "9, false" })
    void the_last_attempt_is_the_configured_one(int attempts, boolean again) {
        assertThat(schedule.mayRetryAfter(attempts)).isEqualTo(again);
    }
}
