package cn.huiyin.replicas;

import static cn.huiyin.replicas.ReplicaApi.addHandleRule;
import static cn.huiyin.replicas.ReplicaApi.dispatchedTaxAppeal;
import static cn.huiyin.replicas.ReplicaApi.previewRuleId;
import static cn.huiyin.replicas.ReplicaApi.step;
import static cn.huiyin.replicas.ReplicaApi.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on a Redis server of the test's own, which is killed and started again while
 * they run (every pub/sub connection drops, nothing is kept). Once each replica has subscribed again (its gauges
 * {@code huiyin_live_subscribed} and {@code huiyin_cache_subscription_up} are back at 1), a step on one replica shows
 * on the other's work-queue stream, both ways, and a clock rule added on one is in force on the other through the
 * change announcement alone (the replicas' own periodic check is set far beyond the test). How long the replicas took
 * to notice the loss and to resubscribe is printed, not asserted.
 */
class TwoReplicaRedisRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration LIVE_PATIENCE = Duration.ofSeconds(10);
    /** The longest wait between resubscription attempts is 10 s; a little more than two of them. */
    private static final Duration RESUBSCRIBE_PATIENCE = Duration.ofSeconds(25);
    private static final Duration CACHE_PATIENCE = Duration.ofSeconds(15);

    private static final ScratchDatabase DB = new ScratchDatabase("huiyin_replicas_redis_it");
    private static final String REDIS_PREFIX = "huiyin-replicas-redis-it:";
    private static final int REDIS_PORT = 16390;
    private static final Path LOGS = Path.of("target", "replicas");

    private static RedisServer redis;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void startRedisAndTwoReplicas() throws Exception {
        DB.recreate();
        redis = new RedisServer(REDIS_PORT, LOGS);
        redis.start(Duration.ofSeconds(10));
        Map<String, String> properties = Replica.demoProperties(DB, REDIS_PREFIX);
        properties.put("quarkus.redis.hosts", redis.uri());
        // a new clock rule reaches the other replica only through the announcement over Redis
        properties.put("huiyin.sla.change-check-every", "10m");
        a = Replica.start("redis-a", properties, Map.of(), LOGS);
        a.awaitReady(PATIENCE);
        b = Replica.start("redis-b", properties, Map.of(), LOGS);
        b.awaitReady(PATIENCE);
    }

    @AfterAll
    static void stopAll() throws Exception {
        try (Replica first = a; Replica second = b) {
            // both end on SIGTERM (SIGKILL if they hang); null ones are skipped
        } finally {
            if (redis != null) {
                redis.close(); // nothing is saved: its keys go with it
            }
        }
    }

    @Test
    void after_redis_restarts_each_replica_resubscribes_and_live_updates_and_cache_changes_cross_again()
            throws Exception {
        String commissioner = token(a, "commissioner-tax");
        String admin = token(a, "admin");
        long ruleBefore = previewRuleId(b, admin); // B has built its planner before Redis goes

        String no;
        LiveStream onA = null;
        LiveStream onB = null;
        try {
            onA = LiveStream.open(a, commissioner);
            onB = LiveStream.open(b, commissioner);
            onA.awaitListening(redis.uri(), REDIS_PREFIX, "TAX");
            onB.awaitListening(redis.uri(), REDIS_PREFIX, "TAX");
            no = dispatchedTaxAppeal(a, DB, PATIENCE);
            step(a, commissioner, no, "accept", Map.of());
            assertThat(onB.next(LIVE_PATIENCE, no, "\"status\":\"ACCEPTED\"")).as("B's stream shows A's step")
                    .isNotNull();

            long killed = System.nanoTime();
            redis.kill();
            await().atMost(RESUBSCRIBE_PATIENCE).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(subscribed(a) || subscribed(b)).as("a replica still subscribed")
                            .isFalse());
            System.out.printf("Redis killed: both replicas unsubscribed after %d ms%n", millisSince(killed));

            long restarted = System.nanoTime();
            redis.start(Duration.ofSeconds(10));
            System.out.printf("Redis up again after %d ms%n", millisSince(restarted));
            awaitResubscribed(a, restarted);
            awaitResubscribed(b, restarted);

            onA = reopenedIfEnded(onA, a, commissioner);
            onB = reopenedIfEnded(onB, b, commissioner);

            long stepped = System.nanoTime();
            step(a, commissioner, no, "first-contact", Map.of("note", "已电话联系企业财务负责人"));
            assertThat(onB.next(LIVE_PATIENCE, no, "\"status\":\"HANDLING\""))
                    .as("B's stream shows A's step after the restart").isNotNull();
            System.out.printf("after the restart: A's step seen on B's stream after %d ms%n", millisSince(stepped));

            stepped = System.nanoTime();
            step(b, commissioner, no, "reply", Map.of("answer", "已为贵司调增数电发票授信额度，请重新登录电子税务局开票。"));
            assertThat(onA.next(LIVE_PATIENCE, no, "\"status\":\"REPLIED\""))
                    .as("A's stream shows B's step after the restart").isNotNull();
            System.out.printf("after the restart: B's step seen on A's stream after %d ms%n", millisSince(stepped));
        } finally {
            if (onA != null) {
                onA.close();
            }
            if (onB != null) {
                onB.close();
            }
        }

        // the use after resubscribing takes the re-check that the renewal asked for: from here only a new announcement
        // can bring B a rule
        assertThat(previewRuleId(b, admin)).as("B's rule before the change").isEqualTo(ruleBefore);
        long added = addHandleRule(a, admin, "Redis 重启后同步验证：纳税服务时限");
        assertThat(added).isNotEqualTo(ruleBefore);
        long start = System.nanoTime();
        await().atMost(CACHE_PATIENCE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(previewRuleId(b, admin)).as("the rule in force on B").isEqualTo(added));
        System.out.printf("after the restart: clock rule added on A in force on B after %d ms%n", millisSince(start));
    }

    /** Waits until both the live-update and the cache-change subscription of this replica are up again. */
    private static void awaitResubscribed(Replica replica, long restartedNanos) {
        await().atMost(RESUBSCRIBE_PATIENCE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(subscribed(replica)).as(replica.name() + " subscribed again").isTrue());
        System.out.printf("%s resubscribed %d ms after Redis was started again%n", replica.name(),
                millisSince(restartedNanos));
    }

    /** Both subscriptions up, as the replica's Prometheus gauges say. */
    private static boolean subscribed(Replica replica) {
        String metrics = given().baseUri(replica.baseUri()).get("/q/metrics").then().statusCode(200).extract()
                .asString();
        return gauge(metrics, "huiyin_live_subscribed") == 1.0 && gauge(metrics, "huiyin_cache_subscription_up") == 1.0;
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no gauge " + name + " in /q/metrics"));
    }

    /** The same stream if the replica kept it open through the restart, else a new one (as a browser reconnects). */
    private static LiveStream reopenedIfEnded(LiveStream stream, Replica replica, String token) throws Exception {
        if (!stream.ended()) {
            System.out.printf("%s kept its live stream open through the restart%n", replica.name());
            return stream;
        }
        System.out.printf("%s ended its live stream at the restart; opening a new one%n", replica.name());
        stream.close();
        LiveStream reopened = LiveStream.open(replica, token);
        reopened.awaitListening(redis.uri(), REDIS_PREFIX, "TAX");
        return reopened;
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
