package cn.huiyin.shared.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Says when it is time to ask whether something stored has changed: at most once per period, and then to one caller
 * only, so a busy replica asks once per period however many requests it serves, and an idle one asks nothing. A
 * change announced by another replica ({@link CacheChanges}) makes the next use ask at once; the period is the safety
 * net for an announcement that never arrived.
 */
public final class ChangeWatch {

    private final long everyNanos;
    private final LongSupplier ticker;
    private final AtomicLong nextCheck;

    /** @param ticker nanoseconds, as {@link System#nanoTime()} counts them */
    public ChangeWatch(Duration every, LongSupplier ticker) {
        this.everyNanos = every.toNanos();
        this.ticker = ticker;
        this.nextCheck = new AtomicLong(ticker.getAsLong() + everyNanos);
    }

    /** True when the period has passed since the last check, for the one caller that is to check now. */
    public boolean due() {
        long now = ticker.getAsLong();
        long next = nextCheck.get();
        return now - next >= 0 && nextCheck.compareAndSet(next, now + everyNanos);
    }

    /** Something may have changed: the next {@link #due()} says yes, whatever is left of the period. */
    public void recheckNow() {
        nextCheck.set(ticker.getAsLong());
    }
}
