package cn.huiyin.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.RedisPubSub;
import cn.huiyin.workqueue.live.LiveUpdates;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * A Redis restart ends every pub/sub connection. Here the replica's subscription is cut the same way, from
 * outside with {@code CLIENT KILL TYPE pubsub} (only this process's connections, so other runs against the same
 * Redis are left alone), and an update published by another replica must reach the SSE client again.
 */
@QuarkusTest
class LiveUpdatesReconnectTest {

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @Inject
    LiveUpdates live;

    @Inject
    MeterRegistry meters;

    @Test
    void after_redis_drops_the_subscription_updates_from_another_replica_reach_the_queue_again() throws Exception {
        BlockingQueue<String> tax = listen("commissioner-tax");
        untilListening(tax);

        Vertx vertx = Vertx.vertx();
        try {
            Redis other = Redis.createClient(vertx, "redis://127.0.0.1:" + RedisPubSub.REDIS_PORT);
            assertThat(RedisPubSub.killOurPubSubConnections(other)).as("pub/sub connections of this replica cut").isPositive();

            // another replica publishes a change of a TAX appeal until it arrives; Redis keeps no message for later
            String trackingNo = "26112" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
            String arrived = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (arrived == null && System.nanoTime() < deadline) {
                other.send(Request.cmd(Command.PUBLISH).arg(keyPrefix + "workqueue:updates")
                        .arg("{\"unit\":\"TAX\",\"trackingNo\":\"" + trackingNo + "\",\"status\":\"DISPATCHED\"}"))
                        .await().atMost(Duration.ofSeconds(5));
                arrived = next(tax, trackingNo, Duration.ofMillis(250));
            }
            assertThat(arrived).as("an update after the subscription was cut").isNotNull()
                    .contains("\"status\":\"DISPATCHED\"");
            assertThat(subscribedGauge()).as("huiyin.live.subscribed").isEqualTo(1.0);
            other.close();
        } finally {
            vertx.closeAndAwait();
        }
    }

    private double subscribedGauge() {
        return meters.get("huiyin.live.subscribed").gauge().value();
    }

    /** Opens the SSE stream as {@code user}; every data line lands in the returned queue. */
    private static BlockingQueue<String> listen(String user) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/workqueue/live"))
                .header("Authorization", "Bearer " + Appeals.tokenFor(user)).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status:" + response.statusCode());
                    response.body().filter(line -> line.startsWith("data:")).forEach(lines::add);
                });
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("status:200");
        return lines;
    }

    /** Nudges TAX through Redis until the stream shows it: from then on the client is surely listening. */
    private void untilListening(BlockingQueue<String> lines) throws InterruptedException {
        String probe = "probe-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 50; attempt++) {
            live.publish(new LiveUpdates.Update("TAX", probe, "PROBE"));
            if (next(lines, probe, Duration.ofMillis(200)) != null) {
                return;
            }
        }
        throw new AssertionError("the live stream of TAX never started");
    }

    private static String next(BlockingQueue<String> lines, String containing, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(containing)) {
                return line;
            }
        }
        return null;
    }
}
