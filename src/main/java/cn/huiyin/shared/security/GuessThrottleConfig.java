package cn.huiyin.shared.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many wrong guesses of a secret (a query code, a rating link) are allowed before further attempts are refused
 * until the window ends. Counted in Redis, so the limits hold across replicas.
 */
@ConfigMapping(prefix = "huiyin.guess-throttle")
public interface GuessThrottleConfig {

    /** Wrong guesses allowed per appeal (its tracking number, or the one a link names) in one window. */
    @WithDefault("10")
    int perAppeal();

    /** Wrong guesses allowed per client address in one window, whatever appeals they were for. */
    @WithDefault("30")
    int perClient();

    /** Length of the fixed window, counted from the first wrong guess in it. */
    @WithDefault("15M")
    Duration window();
}
