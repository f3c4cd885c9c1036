package cn.huiyin.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.intake")
public interface IntakeConfig {

    /**
     * The connector both intake channels use: {@code huiyin-in-process} (one process) or {@code smallrye-kafka}
     * (replicas share the stream through a consumer group).
     */
    String transport();

    /** Most appeals written in one transaction (group commit). */
    @WithDefault("64")
    int batchSize();

    /** Appeals taken from the stream and not yet stored, at most: a slow database slows intake, not memory. */
    @WithDefault("4096")
    int maxPending();

    /**
     * Batches being written at the same time. A batch is one statement, so few in flight suffice to keep the
     * database busy, and appeals arriving meanwhile make the next batch larger (fewer, cheaper statements).
     */
    @WithDefault("2")
    int concurrentBatches();

    /** How long an adapter waits for the stream to take an appeal before answering 503. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** How long an idempotency key is remembered in Redis (the database remembers it for ever). */
    @WithDefault("24h")
    Duration dedupeTtl();
}
