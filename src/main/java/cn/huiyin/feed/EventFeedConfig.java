package cn.huiyin.feed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The integrators' event feed: appeal events published to a Kafka topic as CloudEvents (docs/events.md). */
@ConfigMapping(prefix = "huiyin.event-feed")
public interface EventFeedConfig {

    /** Off by default: nothing is published and no Kafka connection is made until this is {@code true}. */
    @WithDefault("false")
    boolean enabled();

    /** The topic the CloudEvents go to; its records are keyed by tracking number (one appeal, one partition). */
    @WithDefault("appeal-events")
    String topic();

    /** Whether internal events (staff-only: internal notes, escalations, reveals…) are published too. */
    @WithDefault("false")
    boolean includeInternal();

    /** The CloudEvents {@code source}: set it to this deployment's URL so ids are unique across deployments. */
    @WithDefault("/huiyin/appeals")
    String source();

    /** The brokers; by default those of the intake stream. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** How often new events are looked for ({@code off} stops publishing on this replica). */
    @WithDefault("1s")
    String pollEvery();

    /** Events read per transaction. */
    @WithDefault("500")
    int batch();

    /**
     * How long a missing event id is waited for at least, on top of every transaction that could hold it having
     * ended, before the feed moves past it (a rolled-back id never appears).
     */
    @WithDefault("5s")
    Duration gapPatience();

    /** How long the broker may take to acknowledge a batch before it is sent again on the next poll. */
    @WithDefault("30s")
    Duration sendTimeout();
}
