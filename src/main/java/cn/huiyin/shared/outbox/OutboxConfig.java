package cn.huiyin.shared.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.outbox")
public interface OutboxConfig {

    /** How often the relay looks for pending rows ({@code off} disables it on this replica). */
    @WithDefault("1s")
    String pollEvery();

    /** Rows taken per poll. */
    @WithDefault("100")
    int batch();

    /** How long a taken row is reserved for this replica before another may retry it. */
    @WithDefault("60s")
    Duration lease();

    /** Attempts before a row is given up (recorded with its last error, visible to operators). */
    @WithDefault("12")
    int maxAttempts();
}
