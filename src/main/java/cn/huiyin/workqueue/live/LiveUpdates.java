package cn.huiyin.workqueue.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.shared.redis.LastingSubscription;
import cn.huiyin.shared.redis.ResubscribeDelays;
import cn.huiyin.workqueue.domain.LiveAudience;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;

/**
 * Tells every open work queue, on every replica, that an appeal of its unit changed. A step publishes to one
 * Redis channel after its commit; each replica subscribes once and fans the updates out to its own SSE
 * clients. Redis only carries the nudge: a queue that misses one still shows the truth on its next load. The
 * subscription renews itself when Redis drops it (a restart ends every pub/sub connection); the gauge
 * {@code huiyin.live.subscribed} is 0 on a replica without it.
 */
@ApplicationScoped
public class LiveUpdates {

    /** "The appeal {@code trackingNo} of {@code unit} is now {@code status}." Unit DISPATCH is the dispatcher's desk. */
    public record Update(String unit, String trackingNo, String status) {
    }

    /** The unit of the dispatcher's desk in live updates (unplaced and returned appeals). */
    public static final String DISPATCH_DESK = LiveAudience.DISPATCH_DESK;

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    private final BroadcastProcessor<Update> local = BroadcastProcessor.create();
    private final ReactivePubSubCommands<Update> pubsub;
    private final String channel;
    private final LastingSubscription subscription;

    @Inject
    public LiveUpdates(ReactiveRedisDataSource redis, @ConfigProperty(name = "huiyin.redis.key-prefix") String keyPrefix,
            Vertx vertx, MeterRegistry meters) {
        this.pubsub = redis.pubsub(Update.class);
        this.channel = LiveAudience.channel(keyPrefix);
        this.subscription = new LastingSubscription("live updates", channel,
                (onEnd, onFailure) -> pubsub.subscribe(channel, local::onNext, onEnd, onFailure),
                LastingSubscription.Timer.of(vertx), new ResubscribeDelays(), () -> {
                });
        Gauge.builder("huiyin.live.subscribed", subscription, up -> up.isSubscribed() ? 1 : 0)
                .description("1 while this replica receives live work-queue updates from Redis, else 0").register(meters);
    }

    void subscribe(@Observes StartupEvent event) {
        subscription.start();
    }

    void unsubscribe(@Observes ShutdownEvent event) {
        subscription.stop();
    }

    /** After a commit: the queues of these units should refresh. Failures are logged, never thrown. */
    public void changed(List<String> units, String trackingNo, String status) {
        for (String unit : units) {
            publish(new Update(unit, trackingNo, status));
        }
    }

    public void publish(Update update) {
        pubsub.publish(channel, update).subscribe().with(ok -> {
        }, failure -> LOG.warnf("live update for %s not published: %s", update.trackingNo(), failure.getMessage()));
    }

    /**
     * The updates for one unit, as they arrive from any replica. A client that falls 1,024 updates behind is
     * cut off; EventSource reconnects by itself and the page reads the queue afresh.
     */
    public Multi<Update> of(String unit) {
        return local.filter(update -> LiveAudience.reaches(update.unit(), unit)).onOverflow().buffer(1024);
    }
}
