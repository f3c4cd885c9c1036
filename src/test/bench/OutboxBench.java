import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop intake load for outbox-bench.sh (single-file source launch, JDK only): POSTs one new web appeal every
 * 1/RATE s for SECONDS s, round-robin over the given service URLs and over the given dispatch categories (so over
 * their units), whatever the answers take (a closed loop such as
 * wrk would slow down with the service and hide a backlog). At most MAX_IN_FLIGHT requests are outstanding; a send
 * that would exceed it is counted as skipped, not queued.
 *
 *   load RATE SECONDS OUTFILE CATEGORY[,CATEGORY…] URL [URL ...]
 *       writes one line: BENCH sent=… accepted=… non202=… errors=… skipped=… unanswered=… duration_s=… p50_ms=… p99_ms=…
 *       (and BENCH_SAMPLE with the first answer that was not 202)
 */
public class OutboxBench {

    private static final int MAX_IN_FLIGHT = 256;

    private static final String BODY = """
            {"uscc":"91440106MA5CXK8R10","enterpriseName":"广州天河云帆科技有限公司","contactName":"王经理",\
            "contactMobile":"13800138000","category":"%s","appealType":"HELP","urgent":false,\
            "title":"数电发票开具失败","description":"我司在电子税务局开具数电发票时一直提示授信额度不足，影响正常开票，请协助处理。",\
            "consent":true}""";

    public static void main(String[] args) throws Exception {
        if (args.length < 6 || !"load".equals(args[0])) {
            System.err.println("usage: load RATE SECONDS OUTFILE CATEGORY[,CATEGORY...] URL [URL ...]");
            System.exit(2);
        }
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        String[] bodies = Arrays.stream(args[4].split(",")).map(c -> BODY.formatted(c)).toArray(String[]::new);
        URI[] targets = Arrays.stream(args, 5, args.length).map(URI::create).toArray(URI[]::new);
        int total = (int) Math.round(rate * seconds);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        long[] latencies = new long[total];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger non202 = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicReference<String> sample = new AtomicReference<>("");
        CountDownLatch finished = new CountDownLatch(total);

        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                skipped.incrementAndGet();
                latencies[i] = -1;
                finished.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            int n = i;
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(targets[i % targets.length].resolve("/api/v1/appeals"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies[i % bodies.length])).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencies[n] = System.nanoTime() - sent;
                if (failure != null) {
                    errors.incrementAndGet();
                    sample.compareAndSet("", "error " + failure);
                } else if (response.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    non202.incrementAndGet();
                    String body = response.body();
                    sample.compareAndSet("", response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
                }
                inFlight.decrementAndGet();
                finished.countDown();
            });
        }
        double duration = (System.nanoTime() - start) / 1e9;
        boolean done = finished.await(30, TimeUnit.SECONDS);
        long[] answered = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.printf("BENCH sent=%d accepted=%d non202=%d errors=%d skipped=%d unanswered=%d duration_s=%.3f "
                    + "p50_ms=%.1f p99_ms=%.1f%n", total - skipped.get(), accepted.get(), non202.get(), errors.get(),
                    skipped.get(), done ? 0 : finished.getCount(), duration, percentile(answered, 50), percentile(answered, 99));
            if (!sample.get().isEmpty()) {
                w.println("BENCH_SAMPLE " + sample.get().replace('\n', ' '));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
