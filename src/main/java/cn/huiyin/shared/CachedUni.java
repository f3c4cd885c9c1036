package cn.huiyin.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Uni;

/**
 * Caches the result of a load for a while. Unlike a plain memoized {@link Uni}, a failed load is not
 * kept: the next caller tries again (a database that was down for a moment must not freeze a cache).
 */
public final class CachedUni<T> {

    private final Uni<T> cached;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicLong expiresAt = new AtomicLong();

    /** {@code ttl} null: kept until {@link #invalidate()}. */
    public CachedUni(Uni<T> load, Duration ttl) {
        this.cached = load
                .invoke(loaded -> expiresAt.set(ttl == null ? Long.MAX_VALUE : System.nanoTime() + ttl.toNanos()))
                .onFailure().invoke(failure -> stale.set(true))
                .memoize().until(() -> stale.getAndSet(false) || System.nanoTime() > expiresAt.get());
    }

    public Uni<T> get() {
        return cached;
    }

    public void invalidate() {
        stale.set(true);
    }
}
