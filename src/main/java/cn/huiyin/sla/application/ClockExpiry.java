package cn.huiyin.sla.application;

import java.time.Instant;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Acts when a clock that does not escalate runs out (the rating window's end applies the default rating).
 * Called by the sweeper inside the transaction that claims the expiry timers, so the action commits exactly
 * when the timer is marked fired: once, with any number of sweepers, and again after a crash before commit.
 * An implementation must not fail for an appeal that has moved on; it skips it. It must not wait for an
 * appeal another transaction holds either (that transaction may be waiting for the very timer being fired):
 * it hands such expiries back, and the sweeper re-arms their timers for the next sweep.
 */
public interface ClockExpiry {

    /** A clock of one appeal, in one round, that ran out at {@code dueAt} (its timer {@code timerId}). */
    record Expired(long timerId, long appealId, String clock, int round, Instant dueAt) {
    }

    /** Whether this implementation acts on that clock kind. */
    boolean handles(String clock);

    /** Acts on the expiries; returns those to try again at the next sweep (their appeal was busy). */
    Uni<List<Expired>> expired(SqlConnection tx, List<Expired> expired, Instant now);
}
