package cn.huiyin.shared.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * One Redis pub/sub subscription that comes back by itself. The Redis client reports the end of a subscription
 * (its connection closed: Redis restarted, {@code CLIENT KILL}, a network cut) through the end and failure
 * callbacks of {@code subscribe}, and never resubscribes on its own; here every end or failure, and every failed
 * attempt, schedules a new attempt after {@link ResubscribeDelays}. An outage logs one WARN and one INFO.
 * Nothing blocks: attempts run from a timer and the client's callbacks. Used by every replica-wide nudge (live
 * updates, cache changes): Redis keeps no message for a subscriber that is away, so a user is told when the
 * subscription is back after a loss and can catch up on what it may have missed.
 */
public final class LastingSubscription {

    /** Subscribes once; the subscription calls {@code onEnd} or {@code onFailure} when it is over. */
    public interface Subscribe {
        Uni<ReactiveRedisSubscriber> subscribe(Runnable onEnd, Consumer<Throwable> onFailure);
    }

    /** Runs {@code task} once after {@code delay}, without blocking the caller. */
    public interface Timer {
        void schedule(Duration delay, Runnable task);

        /** On Vert.x timers, so an attempt runs on an event loop like the client's own callbacks. */
        static Timer of(Vertx vertx) {
            return (delay, task) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
        }
    }

    /** A subscription that answers neither way within this long counts as failed. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(LastingSubscription.class);

    private final String purpose;
    private final String name;
    private final Subscribe subscribe;
    private final Timer timer;
    private final ResubscribeDelays delays;
    private final Runnable renewed;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean outage = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile Attempt current;

    /**
     * @param purpose what the subscription is for, as the log lines name it ("live updates")
     * @param name the channel
     * @param renewed runs each time the subscription is back after a loss (not at the first subscription)
     */
    public LastingSubscription(String purpose, String name, Subscribe subscribe, Timer timer, ResubscribeDelays delays,
            Runnable renewed) {
        this.purpose = purpose;
        this.name = name;
        this.subscribe = subscribe;
        this.timer = timer;
        this.delays = delays;
        this.renewed = renewed;
    }

    /** One try; whichever of its outcomes comes first decides, the rest are ignored. */
    private static final class Attempt {
        final AtomicBoolean over = new AtomicBoolean();
        volatile ReactiveRedisSubscriber subscriber;
    }

    public void start() {
        stopped = false;
        attempt();
    }

    /** At shutdown: the connection closing now is no outage. */
    public void stop() {
        stopped = true;
        Attempt attempt = current;
        if (attempt != null && attempt.over.compareAndSet(false, true)) {
            close(attempt);
        }
        subscribed.set(false);
    }

    /** True while the subscription is up (the gauge, the health check). */
    public boolean isSubscribed() {
        return subscribed.get();
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        Attempt attempt = new Attempt();
        current = attempt;
        Uni<ReactiveRedisSubscriber> subscription;
        try {
            subscription = subscribe.subscribe(() -> lost(attempt, null), failure -> lost(attempt, failure));
        } catch (RuntimeException failure) {
            lost(attempt, failure);
            return;
        }
        subscription.ifNoItem().after(ATTEMPT_TIMEOUT).fail()
                .subscribe().with(subscriber -> up(attempt, subscriber), failure -> lost(attempt, failure));
    }

    private void up(Attempt attempt, ReactiveRedisSubscriber subscriber) {
        attempt.subscriber = subscriber;
        if (attempt.over.get()) { // it ended before it was confirmed, or we are stopping
            close(attempt);
            return;
        }
        delays.reset();
        subscribed.set(true);
        if (attempt.over.get()) { // lost meanwhile: the retry already scheduled will set it again
            subscribed.set(false);
            return;
        }
        if (outage.compareAndSet(true, false)) {
            LOG.infof("%s: Redis subscription to %s is back", purpose, name);
            renewed.run();
        } else {
            LOG.debugf("%s on %s", purpose, name);
        }
    }

    private void lost(Attempt attempt, Throwable failure) {
        if (!attempt.over.compareAndSet(false, true) || stopped) {
            return;
        }
        subscribed.set(false);
        close(attempt); // after a failure the connection may linger; it must not hold a second subscription
        String why = failure == null ? "the connection ended" : String.valueOf(failure.getMessage());
        if (outage.compareAndSet(false, true)) {
            LOG.warnf("%s: Redis subscription to %s lost (%s); resubscribing with back-off", purpose, name, why);
        } else {
            LOG.debugf("%s: resubscribing to %s failed (%s)", purpose, name, why);
        }
        timer.schedule(delays.next(), this::attempt);
    }

    private void close(Attempt attempt) {
        ReactiveRedisSubscriber subscriber = attempt.subscriber;
        if (subscriber != null) {
            subscriber.unsubscribe().subscribe().with(ok -> {
            }, failure -> LOG.debugf("%s: closing a lost subscription: %s", purpose, failure.getMessage()));
        }
    }
}
