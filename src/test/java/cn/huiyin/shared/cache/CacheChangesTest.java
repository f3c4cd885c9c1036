package cn.huiyin.shared.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.CategoryClassifier;
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.RedisPubSub;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.health.api.HealthGroup;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * A change made on another replica reaches this one's caches through Redis at once: here every periodic check is an
 * hour away, so only the message can explain a re-read. Another replica is played by a second Redis connection that
 * changes the database behind the caches' back and announces it, as a writer does after its commit. The subscription
 * comes back after Redis drops it, and the gauge and the health group show it gone meanwhile.
 */
@QuarkusTest
@TestProfile(CacheChangesTest.HourlyChecks.class)
class CacheChangesTest {

    /** Periodic checks an hour apart: within a test, nothing but a message makes a cache look again. */
    public static class HourlyChecks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.routing.change-check-every", "1h", "huiyin.routing.catalogue-refresh-every", "1h",
                    "huiyin.sla.change-check-every", "1h", "huiyin.knowledge.change-check-every", "1h");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Wording no seed example and no other test uses, so the row is ours to remove. */
    private static final String WORDING = "缓存通知测试萤石矿";

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @Inject
    CacheChanges changes;

    @Inject
    @HealthGroup("caches")
    CacheChangesHealthCheck health;

    @Inject
    MeterRegistry meters;

    @Inject
    Catalogues catalogues;

    @Inject
    SlaCalendar calendar;

    @Inject
    RoutingSuggestions routing;

    @Inject
    Database database;

    private Vertx vertx;
    private Redis otherReplica;

    @BeforeEach
    void connectAsAnotherReplica() {
        vertx = Vertx.vertx();
        otherReplica = Redis.createClient(vertx, "redis://127.0.0.1:" + RedisPubSub.REDIS_PORT);
        Awaitility.await().atMost(PATIENCE).until(changes::subscribed);
    }

    @AfterEach
    void disconnect() {
        otherReplica.close();
        vertx.closeAndAwait();
    }

    @Test
    void a_catalogue_change_announced_elsewhere_makes_this_replica_read_the_catalogue_again() {
        Catalogue before = catalogue();
        assertThat(catalogue()).as("kept between uses while nothing is announced").isSameAs(before);

        announceUntil("catalogue", () -> catalogue() != before);
    }

    @Test
    void a_calendar_imported_elsewhere_is_in_this_replicas_deadline_planner_at_its_next_use() {
        SlaPlanner before = planner();
        // what an import elsewhere leaves behind: a year stamped anew (here with the same days, so no other test minds)
        database.execute("UPDATE work_calendar_year SET imported_at = imported_at + interval '1 millisecond' "
                + "WHERE year = (SELECT min(year) FROM work_calendar_year)");
        assertThat(planner()).as("not announced: the stored change waits for the hourly check").isSameAs(before);

        announceUntil("calendar", () -> planner() != before);
    }

    @Test
    void a_dispatchers_correction_made_elsewhere_retrains_this_replicas_classifier() {
        CategoryClassifier before = classifier();
        String category = database.string("SELECT min(code) FROM dispatch_category");
        database.execute("INSERT INTO routing_example (text, category, source) VALUES ($1, $2, 'CORRECTION')",
                WORDING + "：另一台实例上派单员纠正的分类", category);
        try {
            assertThat(classifier()).as("not announced: the stored change waits for the hourly check").isSameAs(before);

            // each use after the message starts the check; the retrained classifier replaces the old one when ready
            announceUntil("classifier", () -> classifier() != before);
        } finally {
            database.execute("DELETE FROM routing_example WHERE text LIKE $1", WORDING + "%");
            routing.examplesChanged();
        }
    }

    @Test
    void the_subscription_comes_back_after_redis_drops_it_and_the_gauge_and_health_show_it_gone_meanwhile()
            throws Exception {
        AtomicInteger rechecks = new AtomicInteger();
        changes.onChange(SharedCache.KNOWLEDGE, rechecks::incrementAndGet);
        given().get("/q/health/group/caches").then().statusCode(200).body("status", equalTo("UP"));

        assertThat(RedisPubSub.killOurPubSubConnections(otherReplica)).as("pub/sub connections of this replica cut")
                .isPositive();
        // the first renewal waits at least a quarter of a second: long enough to see it gone
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> !changes.subscribed());
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        Awaitility.await().atMost(PATIENCE).until(() -> gauge() == 1.0);
        given().get("/q/health/group/caches").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().body(containsString("huiyin_cache_subscription_up 1.0"));
        Awaitility.await().atMost(PATIENCE).alias("every cache re-checks once back: announcements may have been missed")
                .until(() -> rechecks.get() >= 1);

        int seen = rechecks.get();
        announceUntil("knowledge", () -> rechecks.get() > seen);
    }

    /** Another replica announces a change of {@code cache} until this one shows it (Redis keeps no message for later). */
    private void announceUntil(String cache, BooleanSupplier arrived) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .alias("the " + cache + " cache re-checks after the announcement").until(() -> {
                    if (arrived.getAsBoolean()) {
                        return true;
                    }
                    otherReplica.send(Request.cmd(Command.PUBLISH).arg(keyPrefix + "cache-changed").arg(cache))
                            .await().atMost(Duration.ofSeconds(5));
                    return false;
                });
    }

    private double gauge() {
        return meters.get("huiyin.cache.subscription.up").gauge().value();
    }

    private Catalogue catalogue() {
        return catalogues.current().await().atMost(PATIENCE);
    }

    private SlaPlanner planner() {
        return calendar.planner().await().atMost(PATIENCE);
    }

    private CategoryClassifier classifier() {
        return routing.classifier().await().atMost(PATIENCE).orElse(null);
    }
}
