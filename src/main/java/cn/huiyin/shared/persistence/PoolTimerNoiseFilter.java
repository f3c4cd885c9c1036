package cn.huiyin.shared.persistence;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.Level;

import io.quarkus.logging.LoggingFilter;

/**
 * Collapses a known flood from the reactive SQL client to one clear line per outage. While PostgreSQL is unreachable,
 * every query that fails to get a connection leaves the pool's 30-second wait timer running; when it fires it fails
 * the already failed request again, and Vert.x logs {@code IllegalStateException: Result is already complete} as an
 * uncaught ERROR (vertx-sql-client issue 1706, open for 4.5.x: {@code SqlConnectionPool.execute} cancels the timer
 * only on success). The callers already got their errors, so these lines tell nothing new: after an outage the fault
 * run counted about 250 per replica. The first one after a quiet minute becomes one WARN line; the rest are dropped
 * until a minute passes without one. Every other record passes untouched.
 */
@LoggingFilter(name = "sql-pool-timer-noise")
public final class PoolTimerNoiseFilter implements Filter {

    static final String POOL = "io.vertx.sqlclient.impl.pool.SqlConnectionPool";
    static final String ALREADY_COMPLETE = "Result is already complete";
    static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final String SUMMARY = "SQL pool: requests that already failed for want of a connection (is PostgreSQL "
            + "reachable?) hit their wait timeout again; this line stands for all of them, repeats within a minute are "
            + "not logged (vertx-sql-client issue 1706, \"Result is already complete\")";

    private final LongSupplier nanoTime;
    /** When the last such record came; {@code Long.MIN_VALUE} before the first. */
    private final AtomicLong lastSeen = new AtomicLong(Long.MIN_VALUE);

    public PoolTimerNoiseFilter() {
        this(System::nanoTime);
    }

    PoolTimerNoiseFilter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!isPoolTimerNoise(record.getThrown())) {
            return true;
        }
        long now = nanoTime.getAsLong();
        long previous = lastSeen.getAndSet(now);
        if (previous != Long.MIN_VALUE && now - previous < QUIET_NANOS) {
            return false;
        }
        // the first of a burst: say what it is, once, without the stack trace
        record.setLevel(Level.WARN);
        record.setMessage(SUMMARY);
        record.setParameters(null);
        record.setThrown(null);
        return true;
    }

    static boolean isPoolTimerNoise(Throwable thrown) {
        if (!(thrown instanceof IllegalStateException) || !ALREADY_COMPLETE.equals(thrown.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(POOL)) {
                return true;
            }
        }
        return false;
    }
}
