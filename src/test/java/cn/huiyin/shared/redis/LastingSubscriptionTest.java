package cn.huiyin.shared.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Uni;

class LastingSubscriptionTest {

    /** Each subscribe answers with the next outcome (a subscriber, or a failure) and keeps its callbacks. */
    private final List<Runnable> ends = new ArrayList<>();
    private final List<Consumer<Throwable>> failures = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Boolean> outcomes = new ArrayList<>();
    private int unsubscribed;

    private int renewals;

    private final LastingSubscription subscription = new LastingSubscription("test", "channel", (onEnd, onFailure) -> {
        ends.add(onEnd);
        failures.add(onFailure);
        boolean ok = outcomes.isEmpty() || outcomes.remove(0);
        return ok ? Uni.createFrom().item(subscriber()) : Uni.createFrom().failure(new IllegalStateException("refused"));
    }, (delay, task) -> {
        waits.add(delay);
        scheduled.add(task);
    }, new ResubscribeDelays(() -> 0.0), () -> renewals++);

    private ReactiveRedisSubscriber subscriber() {
        return new ReactiveRedisSubscriber() {
            @Override
            public Uni<Void> unsubscribe(String... channels) {
                return unsubscribe();
            }

            @Override
            public Uni<Void> unsubscribe() {
                unsubscribed++;
                return Uni.createFrom().voidItem();
            }
        };
    }

    private void runScheduled() {
        Runnable next = scheduled.remove(0);
        next.run();
    }

    @Test
    void an_ended_subscription_is_renewed_after_a_wait() {
        subscription.start();
        assertThat(subscription.isSubscribed()).isTrue();

        ends.get(0).run();
        assertThat(subscription.isSubscribed()).isFalse();
        assertThat(waits).containsExactly(Duration.ofMillis(250));

        runScheduled();
        assertThat(ends).hasSize(2);
        assertThat(subscription.isSubscribed()).isTrue();
    }

    @Test
    void attempts_that_fail_wait_longer_each_time_and_a_success_starts_over() {
        subscription.start();
        outcomes.addAll(List.of(false, false, true));
        ends.get(0).run();
        runScheduled();
        runScheduled();
        assertThat(subscription.isSubscribed()).isFalse();
        runScheduled();
        assertThat(subscription.isSubscribed()).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));

        ends.get(3).run();
        assertThat(waits).last().isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void its_user_hears_once_when_it_is_back_after_a_loss_so_it_can_catch_up_but_not_at_the_first_subscription() {
        subscription.start();
        assertThat(renewals).isZero();

        outcomes.addAll(List.of(false, true));
        ends.get(0).run();
        runScheduled();
        assertThat(renewals).as("a failed attempt is no renewal").isZero();
        runScheduled();
        assertThat(renewals).isEqualTo(1);
    }

    @Test
    void an_end_and_a_failure_of_the_same_subscription_renew_it_once() {
        subscription.start();
        failures.get(0).accept(new IllegalStateException("connection reset"));
        ends.get(0).run();
        assertThat(scheduled).hasSize(1);
        assertThat(unsubscribed).as("a failed connection is closed, not left holding a subscription").isEqualTo(1);
    }

    @Test
    void after_stop_the_closing_connection_is_not_renewed() {
        subscription.start();
        subscription.stop();
        ends.get(0).run();
        assertThat(scheduled).isEmpty();
        assertThat(subscription.isSubscribed()).isFalse();
    }
}
