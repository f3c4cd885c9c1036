package cn.huiyin.replicas;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a process of its own, its output
 * in a log file. A shutdown hook ends it should the test JVM stop first, so no replica outlives the test.
 */
final class Replica implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Thread reaper;

    private Replica(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "reap-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code java -D<key>=<value>… -jar quarkus-run.jar} on a free port, with these environment variables. */
    static Replica start(String name, Map<String, String> properties, Map<String, String> environment, Path logDir)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with mvn verify, after packaging");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new Replica(name, port, log, builder.start());
    }

    /**
     * What every replica of a test runs with: the demo profile (demo users and tokens), the test's own database and
     * Redis key prefix, no seeded history (every appeal in the database is the test's), and the graceful shutdown the
     * Kubernetes deployment sets ({@code QUARKUS_SHUTDOWN_TIMEOUT}). Returned mutable, for a test to add its own.
     */
    static Map<String, String> demoProperties(ScratchDatabase db, String redisPrefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.profile", "demo");
        properties.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        properties.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        properties.put("huiyin.redis.key-prefix", redisPrefix);
        properties.put("huiyin.metrics.demo-history.appeals", "0");
        properties.put("quarkus.shutdown.timeout", "15s");
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Its exit status, once it has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Whether it answers its readiness probe; a replica that died is an error, not a wait. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until it answers its readiness probe. */
    void awaitReady(Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(this::ready);
    }

    /** {@code kill -9}: no shutdown, no chance to finish or release anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code SIGTERM}, the way a replica is normally stopped; returns whether it ended in time. */
    boolean stop(Duration patience) throws InterruptedException {
        process.destroy();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the process however it must (SIGTERM, then SIGKILL) and drops the shutdown hook. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop(Duration.ofSeconds(20))) {
            kill();
        }
        Runtime.getRuntime().removeShutdownHook(reaper);
    }
}
