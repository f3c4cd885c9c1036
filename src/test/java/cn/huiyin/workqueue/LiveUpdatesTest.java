package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.workqueue.live.LiveUpdates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Live work-queue updates travel through Redis: a change made here reaches the SSE clients, and so does a
 * change published by another replica on its own Redis connection. Clients see only their unit.
 */
@QuarkusTest
class LiveUpdatesTest {

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @Inject
    LiveUpdates live;

    /** Opens the SSE stream as {@code user}; every data line lands in the returned queue. */
    private static BlockingQueue<String> listen(String user) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/workqueue/live"))
                .header("Authorization", "Bearer " + Appeals.tokenFor(user)).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status:" + response.statusCode());
                    Stream<String> body = response.body();
                    body.filter(line -> line.startsWith("data:")).forEach(lines::add);
                });
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("status:200");
        return lines;
    }

    /** Nudges {@code unit} through Redis until the stream shows it: from then on the client is surely listening. */
    private void untilListening(BlockingQueue<String> lines, String unit) throws InterruptedException {
        String probe = "probe-" + java.util.UUID.randomUUID();
        for (int attempt = 0; attempt < 50; attempt++) {
            live.publish(new LiveUpdates.Update(unit, probe, "PROBE"));
            if (next(lines, probe, Duration.ofMillis(200)) != null) {
                return;
            }
        }
        throw new AssertionError("the live stream of " + unit + " never started");
    }

    private static String next(BlockingQueue<String> lines, String containing) throws InterruptedException {
        return next(lines, containing, Duration.ofSeconds(10));
    }

    private static String next(BlockingQueue<String> lines, String containing, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(containing)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void a_change_here_and_a_change_on_another_replica_both_reach_the_units_queue_and_only_it() throws Exception {
        BlockingQueue<String> tax = listen("commissioner-tax");
        BlockingQueue<String> samr = listen("commissioner-samr");
        untilListening(tax, "TAX");
        untilListening(samr, "SAMR");

        String no = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202).extract().path("trackingNo");
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).post("/api/v1/appeals/" + no + "/accept").then().statusCode(200);
        assertThat(next(tax, no)).contains("\"status\":\"ACCEPTED\"").contains("\"unit\":\"TAX\"");

        // another replica, with its own Redis connection, publishes a change of a TAX appeal
        Vertx vertx = Vertx.vertx();
        try {
            Redis other = Redis.createClient(vertx, "redis://127.0.0.1:6379");
            other.send(Request.cmd(Command.PUBLISH).arg(keyPrefix + "workqueue:updates")
                    .arg("{\"unit\":\"TAX\",\"trackingNo\":\"2611250099999\",\"status\":\"DISPATCHED\"}"))
                    .await().atMost(Duration.ofSeconds(5));
            assertThat(next(tax, "2611250099999")).contains("\"status\":\"DISPATCHED\"");
            other.close();
        } finally {
            vertx.closeAndAwait();
        }
        // both changes reached TAX through the same channel SAMR listens on: had they been for SAMR, they were there
        assertThat(next(samr, no, Duration.ofSeconds(1))).isNull();
        assertThat(next(samr, "2611250099999", Duration.ofSeconds(1))).isNull();
    }

    @Test
    void the_stream_is_for_staff_of_a_unit_only() {
        given().auth().oauth2(Appeals.tokenFor("enterprise-demo")).get("/api/v1/workqueue/live").then().statusCode(403);
        given().get("/api/v1/workqueue/live").then().statusCode(401);
    }
}
