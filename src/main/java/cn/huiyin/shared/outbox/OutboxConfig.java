package cn.huiyin.shared.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.outbox")
public interface OutboxConfig {

    /**
     * How long the relay waits, after a pass found nothing more to do, before it looks again ({@code off} disables
     * it on this replica). While rows keep coming a pass goes on by itself; rows written on this replica wake it.
     */
    @WithDefault("250ms")
    String pollEvery();

    /** Rows leased per statement, and the most marked done per statement. */
    @WithDefault("100")
    int batch();

    /**
     * Deliveries in flight per replica; a batch handler's rows of one lease are one delivery. A handler that opens a
     * transaction per delivery holds a pooled connection for each, so keep it well below the reactive pool's size (the
     * first assignment queues its batches and holds one connection per replica, however many are in flight).
     */
    @WithDefault("8")
    int concurrency();

    /**
     * How long a taken row is reserved for this replica before another may retry it. A leased row may wait for a
     * free slot: keep it above batch ÷ concurrency × the slowest handler call.
     */
    @WithDefault("60s")
    Duration lease();

    /** Attempts before a row is given up (recorded with its last error, visible to operators). */
    @WithDefault("12")
    int maxAttempts();
}
