package cn.huiyin.shared.security;

import java.util.List;

/**
 * Whether an attempt may go ahead, from the counters it was added to. Each counter covers a fixed window; the
 * attempt goes ahead while no counter, this attempt included, is above its limit.
 */
public final class GuessWindow {

    private GuessWindow() {
    }

    /** One counter after this attempt was added: its count, the time left in its window, and its limit. */
    public record Tally(long count, long millisLeft, int limit) {

        boolean over() {
            return count > limit;
        }
    }

    /**
     * 0 when the attempt may go ahead; otherwise the seconds until every counter above its limit has run out
     * (rounded up, at least 1), the value of {@code Retry-After}.
     */
    public static long retryAfterSeconds(List<Tally> tallies) {
        long millis = tallies.stream().filter(Tally::over).mapToLong(t -> Math.max(t.millisLeft(), 0)).max().orElse(-1);
        if (millis < 0) {
            return 0;
        }
        return Math.max(1, (millis + 999) / 1000);
    }

    /** The same wait in whole minutes, rounded up (at least 1), for the pages' Chinese message. */
    public static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
