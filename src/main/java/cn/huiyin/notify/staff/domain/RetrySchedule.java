package cn.huiyin.notify.staff.domain;

import java.time.Duration;

/**
 * When a WeCom message or an SMS that could not go out now is tried again: 30 s after the first attempt, doubling
 * each time, at most an hour apart; after {@code maxAttempts} attempts it is given up (the notice stays in the app).
 */
public record RetrySchedule(int maxAttempts) {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofHours(1);

    /** Whether another attempt may follow the {@code attemptsMade}-th. */
    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The pause after the {@code attemptsMade}-th attempt (1 for the first). */
    public Duration delayAfter(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 20));
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
