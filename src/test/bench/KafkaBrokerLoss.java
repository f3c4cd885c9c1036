import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Java half of kafka-broker-loss.sh (single-file source launch on the broker's own class path, which has the
 * Kafka admin client):
 *
 *   topic BOOTSTRAP NAME PARTITIONS             creates NAME with replication factor 3 and min.insync.replicas=2
 *   ready BOOTSTRAP BROKERS                      exits 0 once the cluster has BROKERS nodes
 *   leader BOOTSTRAP TOPIC                       prints the node id that leads the most partitions of TOPIC
 *   led-by BOOTSTRAP TOPIC NODE                  prints how many partitions of TOPIC NODE leads (or none leads)
 *   describe BOOTSTRAP TOPIC                     prints each partition's leader, replicas and in-sync replicas
 *   records BOOTSTRAP TOPIC                      prints how many records TOPIC holds (end minus start offsets)
 *   load SECONDS CLIENTS OUTFILE URL [URL ...]   web appeals from CLIENTS closed-loop clients for SECONDS s,
 *                                                round-robin over the URLs; each appeal has its own Idempotency-Key
 *                                                and a marker in its text; an answer other than 202 (or no answer)
 *                                                is retried with the same key, as docs/api.md tells clients to, up to
 *                                                10 times. OUTFILE gets one line per appeal: key, final status,
 *                                                tracking number, each attempt's status (e.g. 503;202, "none" for
 *                                                no answer), time of the last answer (epoch ms);
 *                                                stdout one BENCH summary line.
 */
public class KafkaBrokerLoss {

    private static final int MOST_ATTEMPTS = 10;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "topic" -> topic(args[1], args[2], Integer.parseInt(args[3]));
            case "ready" -> System.exit(nodes(args[1]) >= Integer.parseInt(args[2]) ? 0 : 1);
            case "leader" -> System.out.println(busiestLeader(args[1], args[2]));
            case "led-by" -> System.out.println(ledBy(args[1], args[2], Integer.parseInt(args[3])));
            case "describe" -> describe(args[1], args[2]);
            case "records" -> System.out.println(records(args[1], args[2]));
            case "load" -> load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    List.of(args).subList(4, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    static void topic(String bootstrap, String name, int partitions) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(Set.of(new NewTopic(name, partitions, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static int nodes(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return 0;
        }
    }

    static TopicDescription description(Admin admin, String topic) throws Exception {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    }

    static int busiestLeader(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<Integer, Integer> led = new TreeMap<>();
            for (TopicPartitionInfo p : description(admin, topic).partitions()) {
                if (p.leader() != null) {
                    led.merge(p.leader().id(), 1, Integer::sum);
                }
            }
            return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    static long ledBy(String bootstrap, String topic, int node) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return description(admin, topic).partitions().stream()
                    .filter(p -> p.leader() == null || p.leader().id() == node).count();
        }
    }

    static void describe(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            for (TopicPartitionInfo p : description(admin, topic).partitions()) {
                System.out.printf("  %s-%d leader=%s replicas=%s isr=%s%n", topic, p.partition(),
                        p.leader() == null ? "none" : p.leader().id(), ids(p.replicas()), ids(p.isr()));
            }
        }
    }

    static long records(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartitionInfo p : description(admin, topic).partitions()) {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            }
            long count = 0;
            for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                count += e.getValue().offset();
            }
            for (var e : admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                count -= e.getValue().offset();
            }
            return count;
        }
    }

    private static List<Integer> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).sorted().toList();
    }

    /** One appeal's fate as the client saw it. */
    record Outcome(String key, int status, String trackingNo, String statuses, long answeredAtMillis) {
    }

    static void load(int seconds, int clients, Path out, List<String> urls) throws Exception {
        // HTTP/1.1: the JDK client's default h2c upgrade on a POST with a body is not what clients of the API send
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    outcomes.add(oneAppeal(http, urls, client + n++, requests, retried));
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Outcome> all = new ArrayList<>(outcomes);
        all.sort(Comparator.comparing(Outcome::key));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Outcome o : all) {
                w.printf("%s,%d,%s,%s,%d%n", o.key(), o.status(), o.trackingNo() == null ? "" : o.trackingNo(), o.statuses(),
                        o.answeredAtMillis());
            }
        }
        long accepted = all.stream().filter(o -> o.status() == 202).count();
        System.out.printf("BENCH appeals=%d accepted=%d unanswered=%d requests=%d retried=%d%n", all.size(), accepted,
                all.size() - accepted, requests.get(), retried.get());
    }

    private static final Pattern TRACKING_NO = Pattern.compile("\"trackingNo\"\\s*:\\s*\"([^\"]+)\"");

    private static Outcome oneAppeal(HttpClient http, List<String> urls, int turn, AtomicInteger requests,
            AtomicInteger retried) {
        String key = UUID.randomUUID().toString();
        String body = """
                {"uscc":"91440106MA5CXK8R10","enterpriseName":"广州天河云帆科技有限公司","contactName":"王经理",\
                "contactMobile":"13800138000","category":"TAX_SERVICE","appealType":"HELP","urgent":false,\
                "title":"数电发票开具失败","description":"我司在电子税务局开具数电发票时一直提示授信额度不足，请协助处理。标记%s",\
                "consent":true}""".formatted(key);
        int status = 0;
        StringBuilder statuses = new StringBuilder();
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                pause(200L * attempt);
            }
            String url = urls.get((turn + attempt) % urls.size()); // a retry may reach the other replica
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/appeals"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            requests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                statuses.append(statuses.isEmpty() ? "" : ";").append(status);
                if (status == 202) {
                    Matcher m = TRACKING_NO.matcher(response.body());
                    return new Outcome(key, 202, m.find() ? m.group(1) : null, statuses.toString(), System.currentTimeMillis());
                }
            } catch (IOException e) {
                status = -1; // no answer: the appeal may or may not be stored
                statuses.append(statuses.isEmpty() ? "" : ";").append("none");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(key, -1, null, statuses.toString(), System.currentTimeMillis());
            }
        }
        return new Outcome(key, status, null, statuses.toString(), System.currentTimeMillis());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // a client's back-off before it retries, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
