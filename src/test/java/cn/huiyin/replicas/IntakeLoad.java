package cn.huiyin.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.testsupport.Appeals;

/**
 * Web submissions from a few threads, each with its own {@code Idempotency-Key}, spread over the replicas as a load
 * balancer would. A submission that gets no {@code 202} (no answer, a refused connection, a {@code 503}) is sent again
 * with the same key and body to the next replica until one answers {@code 202}, as the API tells clients to do. Every
 * {@code 202} and every failed try is recorded. No submission is abandoned while the load runs, and a thread stops only
 * between submissions.
 */
final class IntakeLoad implements AutoCloseable {

    /** A {@code 202}: which key, which appeal, from which replica, when sent and answered (nanoTime). */
    record Ack(String key, String trackingNo, String replica, boolean replayed, long sent, long at) {
    }

    /** A try without a {@code 202}: the status, or the exception's class when no answer came; when sent and ended. */
    record Failure(String key, String replica, String what, long sent, long at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the intake's acknowledgement timeout (10 s): a slow answer is not taken for a lost one. */
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(20);
    /** Past this, a submission that never got its 202 is given up (and the test fails on it). */
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final List<Replica> replicas;
    private final String marker;
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final long started = System.nanoTime();

    /** Starts {@code threadCount} senders; {@code marker} goes into every key and title, to find the run's appeals. */
    IntakeLoad(List<Replica> replicas, int threadCount, String marker) {
        this.replicas = List.copyOf(replicas);
        this.marker = marker;
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            Thread sender = new Thread(() -> send(thread), "load-" + marker + "-" + t);
            sender.setDaemon(true);
            threads.add(sender);
            sender.start();
        }
    }

    private void send(int thread) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        for (int n = 0; running.get(); n++) {
            String key = marker + "-" + thread + "-" + n;
            keys.put(key, Boolean.TRUE);
            Map<String, Object> body = Appeals.with("title", "负载 " + key);
            long givingUp = System.nanoTime() + GIVE_UP.toNanos();
            // threads start on different replicas; each try after a failure goes to the next one
            for (int attempt = thread + n; System.nanoTime() < givingUp; attempt++) {
                if (submit(http, replicas.get(attempt % replicas.size()), key, body)) {
                    break;
                }
            }
        }
    }

    /** One try; true on a 202. */
    private boolean submit(HttpClient http, Replica replica, String key, Map<String, Object> body) {
        long sent = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUri() + "/api/v1/appeals"))
                    .timeout(ANSWER_PATIENCE).header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                Map<?, ?> receipt = JSON.readValue(response.body(), Map.class);
                acks.add(new Ack(key, (String) receipt.get("trackingNo"), replica.name(),
                        Boolean.TRUE.equals(receipt.get("replayed")), sent, System.nanoTime()));
                return true;
            }
            failures.add(new Failure(key, replica.name(), String.valueOf(response.statusCode()), sent,
                    System.nanoTime()));
        } catch (IOException noAnswer) {
            failures.add(new Failure(key, replica.name(), noAnswer.getClass().getSimpleName(), sent,
                    System.nanoTime()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
        return false;
    }

    /** When the load started (nanoTime). */
    long started() {
        return started;
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Every key a submission was made with. */
    List<String> keys() {
        return List.copyOf(keys.keySet());
    }

    /** 202s from this replica at or after {@code since} (nanoTime). */
    long acksFrom(String replica, long since) {
        return acks.stream().filter(a -> a.replica().equals(replica) && a.at() - since >= 0).count();
    }

    /** "replica what" → how many tries failed so. */
    Map<String, Long> failureCounts() {
        return failures.stream().collect(Collectors.groupingBy(f -> f.replica() + " " + f.what(), Collectors.counting()));
    }

    /** Lets every thread finish the submission it is on (until its 202, or giving up) and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(GIVE_UP.plusSeconds(10).toMillis());
        }
    }
}
