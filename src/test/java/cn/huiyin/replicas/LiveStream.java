package cn.huiyin.replicas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A work queue's live updates ({@code GET /api/v1/workqueue/live}, server-sent events) as a browser on one replica
 * receives them: every {@code data:} line, in order.
 */
final class LiveStream implements AutoCloseable {

    private final String replica;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AtomicReference<Stream<String>> body = new AtomicReference<>();
    private volatile boolean ended;

    private LiveStream(String replica) {
        this.replica = replica;
    }

    /** Opens the stream with this bearer token and waits for its {@code 200}. */
    static LiveStream open(Replica replica, String token) throws InterruptedException {
        LiveStream stream = new LiveStream(replica.name());
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUri() + "/api/v1/workqueue/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            stream.lines.add("status:" + response.statusCode());
            stream.body.set(response.body());
            response.body().filter(line -> line.startsWith("data:")).forEach(stream.lines::add);
        }).whenComplete((done, failure) -> stream.ended = true);
        String status = stream.lines.poll(10, TimeUnit.SECONDS);
        if (!"status:200".equals(status)) {
            throw new AssertionError("the live stream on " + replica.name() + " answered " + status);
        }
        return stream;
    }

    /**
     * Publishes probes for {@code unit} straight to the replicas' Redis channel until this stream shows one: from then
     * on the replica is surely passing updates to this client (an SSE answer starts before its subscription does).
     */
    void awaitListening(String redisPrefix, String unit) throws Exception {
        awaitListening(RedisKeys.LOCAL, redisPrefix, unit);
    }

    /** As {@link #awaitListening(String, String)}, for replicas on the Redis at {@code redisUri}. */
    void awaitListening(String redisUri, String redisPrefix, String unit) throws Exception {
        String probe = "probe-" + UUID.randomUUID();
        String message = "{\"unit\":\"" + unit + "\",\"trackingNo\":\"" + probe + "\",\"status\":\"PROBE\"}";
        for (int attempt = 0; attempt < 50; attempt++) {
            RedisKeys.publish(redisUri, redisPrefix + "workqueue:updates", message);
            if (next(Duration.ofMillis(200), probe) != null) {
                return;
            }
        }
        throw new AssertionError("the live stream on " + replica + " never started");
    }

    /** The next data line containing every one of {@code texts}, skipping others; null if none came in time. */
    String next(Duration patience, String... texts) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && Arrays.stream(texts).allMatch(line::contains)) {
                return line;
            }
        }
        return null;
    }

    /** Whether the replica ended the stream (or it failed): a browser would reconnect. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        Stream<String> open = body.get();
        if (open != null) {
            open.close();
        }
    }
}
