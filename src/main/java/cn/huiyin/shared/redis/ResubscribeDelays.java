package cn.huiyin.shared.redis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt to renew a lost subscription: 0.5 s doubling up to 10 s, each wait
 * drawn between half and all of that step so that replicas which lost Redis together do not come back in step.
 */
public final class ResubscribeDelays {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration LONGEST = Duration.ofSeconds(10);

    private final DoubleSupplier random;
    private int failures;

    public ResubscribeDelays() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} yields numbers in [0, 1). */
    ResubscribeDelays(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failed attempt. */
    public synchronized Duration next() {
        long step = Math.min(LONGEST.toMillis(), FIRST.toMillis() << Math.min(failures, 16));
        failures++;
        long half = step / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (step - half)));
    }

    /** The subscription is back: the next loss starts again from the shortest wait. */
    public synchronized void reset() {
        failures = 0;
    }
}
