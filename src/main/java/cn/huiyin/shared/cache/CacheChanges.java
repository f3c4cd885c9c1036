package cn.huiyin.shared.cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.shared.redis.LastingSubscription;
import cn.huiyin.shared.redis.ResubscribeDelays;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

/**
 * Tells every replica that stored reference data changed, so that its cache of it re-checks at once rather than at
 * its next periodic check. A writer announces after its commit; each replica subscribes once to
 * {@code <prefix>cache-changed} and passes the cache's name on to what registered for it. The message is only a
 * nudge: each cache still compares its stored fingerprint (or re-reads), so a message lost (Redis down, replica
 * away) costs no more than the periodic check's delay, and every cache re-checks when the subscription is back after a
 * loss. The gauge {@code huiyin.cache.subscription.up} and the health group {@code caches} show a replica without it.
 */
@ApplicationScoped
public class CacheChanges {

    private static final Logger LOG = Logger.getLogger(CacheChanges.class);

    private final ReactivePubSubCommands<String> pubsub;
    private final String channel;
    private final LastingSubscription subscription;
    private final Map<SharedCache, List<Runnable>> rechecks = new EnumMap<>(SharedCache.class);

    @Inject
    public CacheChanges(ReactiveRedisDataSource redis, @ConfigProperty(name = "huiyin.redis.key-prefix") String keyPrefix,
            Vertx vertx, MeterRegistry meters) {
        for (SharedCache cache : SharedCache.values()) {
            rechecks.put(cache, new CopyOnWriteArrayList<>());
        }
        this.pubsub = redis.pubsub(String.class);
        this.channel = keyPrefix + "cache-changed";
        this.subscription = new LastingSubscription("cache changes", channel,
                (onEnd, onFailure) -> pubsub.subscribe(channel, this::received, onEnd, onFailure),
                LastingSubscription.Timer.of(vertx), new ResubscribeDelays(), this::recheckAll);
        Gauge.builder("huiyin.cache.subscription.up", subscription, up -> up.isSubscribed() ? 1 : 0)
                .description("1 while this replica hears of cache changes made on other replicas, else 0 (its caches then "
                        + "follow them at their periodic check)")
                .register(meters);
    }

    void subscribe(@Observes StartupEvent event) {
        subscription.start();
    }

    void unsubscribe(@Observes ShutdownEvent event) {
        subscription.stop();
    }

    /**
     * After a commit that changed what these caches hold: every replica's (this one's too) re-check at once. Failures
     * are logged, never thrown: the other replicas then follow at their periodic check.
     */
    public void changed(SharedCache... caches) {
        for (SharedCache cache : caches) {
            pubsub.publish(channel, cache.wireName()).subscribe().with(ok -> {
            }, failure -> LOG.warnf("change of the %s cache not announced (other replicas follow at their periodic "
                    + "check): %s", cache.wireName(), failure.getMessage()));
        }
    }

    /**
     * Runs {@code recheck} whenever a change of {@code cache} is announced, and when the subscription is back after a
     * loss (announcements may have been missed). It runs on an event loop: it must be quick and must not block.
     */
    public void onChange(SharedCache cache, Runnable recheck) {
        rechecks.get(cache).add(recheck);
    }

    /**
     * A watch that asks for a check every {@code every}, and at once after a change of any of {@code caches} is
     * announced.
     */
    public ChangeWatch watch(Duration every, SharedCache... caches) {
        ChangeWatch watch = new ChangeWatch(every, System::nanoTime);
        for (SharedCache cache : caches) {
            onChange(cache, watch::recheckNow);
        }
        return watch;
    }

    /** True while this replica hears announcements. */
    public boolean subscribed() {
        return subscription.isSubscribed();
    }

    public String channel() {
        return channel;
    }

    private void received(String name) {
        SharedCache.named(name).ifPresentOrElse(this::recheck,
                () -> LOG.debugf("cache change of unknown cache %s ignored", name));
    }

    private void recheckAll() {
        for (SharedCache cache : SharedCache.values()) {
            recheck(cache);
        }
    }

    private void recheck(SharedCache cache) {
        for (Runnable recheck : rechecks.get(cache)) {
            try {
                recheck.run();
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "re-check of the %s cache failed", cache.wireName());
            }
        }
    }
}
