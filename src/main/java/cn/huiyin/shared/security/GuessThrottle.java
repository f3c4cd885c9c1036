package cn.huiyin.shared.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.redis.client.Response;

/**
 * Limits wrong guesses of a secret (a query code, a rating link) per appeal and per client address, in fixed
 * windows counted in Redis, so that the limits hold across replicas.
 * <p>
 * {@link #admit} counts the attempt before the secret is checked (INCR, and EXPIRE when the window opens), so
 * that a burst of parallel attempts cannot all slip past the limit; an attempt over a limit is refused and not
 * counted. A caller that finds the secret right (or fails for another reason) takes its attempt back with
 * {@link #passed}: the counters hold wrong guesses only, and a right one resets nothing. Once a counter is above
 * its limit every attempt is refused, right or wrong, until its window ends.
 * <p>
 * Without Redis every attempt is allowed (one WARN line per outage): the secrets are still checked, only the
 * guessing is no longer slowed.
 */
@ApplicationScoped
public class GuessThrottle {

    /** What is being guessed, named as the field the 429 problem reports. */
    public enum Secret {
        QUERY_CODE("queryCode"),
        RATING_LINK("token");

        private final String field;

        Secret(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final Logger LOG = Logger.getLogger(GuessThrottle.class);
    private static final Duration REDIS_PATIENCE = Duration.ofMillis(300);

    // one round trip per counter, and a counter never left without its expiry (even if this replica dies midway)
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              left = tonumber(ARGV[1])
            end
            return {n, left}""";

    // never creates a counter: a window that has ended stays ended
    private static final String UNCOUNT = """
            local n = tonumber(redis.call('GET', KEYS[1]))
            if n and n > 0 then return redis.call('DECR', KEYS[1]) end
            return 0""";

    private final ReactiveRedisDataSource redis;
    private final AtomicBoolean redisDown = new AtomicBoolean();

    @Inject
    GuessThrottleConfig config;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @Inject
    public GuessThrottle(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    void checkAtStart(@Observes StartupEvent event) {
        if (config.perAppeal() < 1 || config.perClient() < 1 || config.window().toMillis() < 1000) {
            throw new IllegalStateException(
                    "huiyin.guess-throttle.per-appeal and per-client must be at least 1, window at least 1s");
        }
    }

    /** The request's client address as Quarkus sees it (behind a proxy: as its proxy-address-forwarding decides). */
    public static String clientOf(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /**
     * Counts an attempt at {@code secret} for {@code appeal} (a tracking number) from {@code client}; either may be
     * null (not counted). Fails with {@link TooManyAttempts} when a limit is already used up.
     */
    public Uni<Void> admit(Secret secret, String appeal, String client) {
        List<Counter> counters = counters(secret, appeal, client);
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String window = Long.toString(config.window().toMillis());
        List<Uni<GuessWindow.Tally>> counts = counters.stream()
                .map(c -> redis.execute("EVAL", COUNT, "1", c.key(), window)
                        .map(r -> new GuessWindow.Tally(r.get(0).toLong(), r.get(1).toLong(), c.limit())))
                .toList();
        return Uni.join().all(counts).andFailFast()
                .ifNoItem().after(REDIS_PATIENCE).fail()
                .onItem().invoke(this::reachable)
                .onFailure().recoverWithItem(failure -> {
                    unreachable(failure);
                    return null;
                })
                .chain(tallies -> {
                    long wait = tallies == null ? 0 : GuessWindow.retryAfterSeconds(tallies);
                    if (wait == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    // a refused attempt checked nothing: it is taken back, and the counters keep wrong guesses only
                    return uncount(counters).chain(() -> Uni.createFrom().failure(new TooManyAttempts(secret.field(), wait)));
                });
    }

    /** Takes back an admitted attempt that was not a wrong guess. Never fails. */
    public Uni<Void> passed(Secret secret, String appeal, String client) {
        return uncount(counters(secret, appeal, client));
    }

    private Uni<Void> uncount(List<Counter> counters) {
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Response>> calls = counters.stream().map(c -> redis.execute("EVAL", UNCOUNT, "1", c.key())).toList();
        return Uni.join().all(calls).andFailFast()
                .ifNoItem().after(REDIS_PATIENCE).fail()
                .onFailure().invoke(failure -> LOG.debugf("guess counter not taken back: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** A Redis counter and the limit it is held to. */
    private record Counter(String key, int limit) {
    }

    private List<Counter> counters(Secret secret, String appeal, String client) {
        List<Counter> counters = new ArrayList<>(2);
        String base = keyPrefix + "guess:" + secret.field() + ":";
        if (appeal != null && !appeal.isEmpty()) {
            counters.add(new Counter(base + "appeal:" + appeal, config.perAppeal()));
        }
        if (client != null && !client.isEmpty()) {
            counters.add(new Counter(base + "client:" + client, config.perClient()));
        }
        return counters;
    }

    private void reachable(Object ignored) {
        if (redisDown.compareAndSet(true, false)) {
            LOG.info("guess throttle reaches Redis again; wrong guesses are limited again");
        }
    }

    private void unreachable(Throwable failure) {
        if (redisDown.compareAndSet(false, true)) {
            LOG.warnf("guess throttle cannot reach Redis (%s); wrong guesses are not limited until it can",
                    reason(failure));
        } else {
            LOG.debugf("guess throttle still without Redis: %s", reason(failure));
        }
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
