package cn.huiyin.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Runs a real, single-node Apache Kafka broker (KRaft mode, combined broker + controller) as a child
 * JVM for integration tests, and points {@code kafka.bootstrap.servers} at it.
 *
 * <p>Why it exists: there is no Docker on the build machine, so neither Quarkus Dev Services nor
 * Testcontainers can provide Kafka, and an in-memory connector would not exercise the real client.
 * The broker is {@code org.apache.kafka:kafka_2.13} from Maven Central; {@code src/test/kafka/pom.xml}
 * copies it with its dependencies into {@code target/kafka-broker/lib} on first use. Everything binds
 * to 127.0.0.1 on free ports, config, data and logs live in {@code target/kafka-broker/run-<random>/},
 * and {@link #stop()} stops the broker and deletes that directory; a shutdown hook kills the broker
 * should {@code stop()} never run. If start-up fails, the run directory is kept for its logs.
 *
 * <p>Use with {@code @WithTestResource(KafkaBrokerResource.class)}. {@link #start()} takes about 8 s
 * (storage format, then broker start-up).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static final String KAFKA_MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private Process broker;
    private Path runDir;
    private Thread shutdownHook;

    @Override
    public Map<String, String> start() {
        try {
            Path projectDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
            Path home = projectDir.resolve("target/kafka-broker").toAbsolutePath();
            Path lib = ensureBrokerJars(projectDir, home);
            runDir = Files.createDirectories(home.resolve("run-" + UUID.randomUUID().toString().substring(0, 8)));

            int[] ports = freeLoopbackPorts(2);
            String bootstrap = "127.0.0.1:" + ports[0];
            Path config = writeConfig(ports[0], ports[1]);

            run(java(lib, STORAGE_TOOL, "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--standalone"), runDir.resolve("format.log"), FORMAT_TIMEOUT,
                    "formatting the Kafka storage");

            Path log = runDir.resolve("broker.log");
            broker = new ProcessBuilder(java(lib, KAFKA_MAIN, config.toString()))
                    .directory(runDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process started = broker;
            shutdownHook = new Thread(() -> terminate(started), "kafka-broker-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);

            awaitReady(bootstrap, log);
            return Map.of("kafka.bootstrap.servers", bootstrap);
        } catch (IOException e) {
            stopBroker();
            throw new UncheckedIOException("Could not start the test Kafka broker", e);
        } catch (RuntimeException e) {
            stopBroker(); // the run dir is kept so its logs can be read
            throw e;
        }
    }

    @Override
    public void stop() {
        stopBroker();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyExiting) {
                // the hook is running or has run; nothing to undo
            }
            shutdownHook = null;
        }
        if (runDir != null) {
            deleteRecursively(runDir);
            runDir = null;
        }
    }

    /** Copies the broker's jars once; a complete {@code lib} directory appears atomically. */
    private static Path ensureBrokerJars(Path projectDir, Path home) throws IOException {
        Path lib = home.resolve("lib");
        if (containsJars(lib)) {
            return lib;
        }
        Files.createDirectories(home);
        Path staging = Files.createTempDirectory(home, "lib-");
        String mavenHome = System.getProperty("maven.home"); // surefire passes it in this project
        String mvn = mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
                ? Path.of(mavenHome, "bin", "mvn").toString()
                : "mvn";
        try {
            run(List.of(mvn, "-q", "-B",
                            "-f", projectDir.resolve("src/test/kafka/pom.xml").toAbsolutePath().toString(),
                            "dependency:copy-dependencies", "-DoutputDirectory=" + staging),
                    home.resolve("copy.log"), COPY_TIMEOUT, "copying the Kafka broker jars with Maven");
            Files.move(staging, lib, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWasFaster) {
            // lib is complete already
        } finally {
            deleteRecursively(staging);
        }
        if (!containsJars(lib)) {
            throw new IllegalStateException("No Kafka broker jars in " + lib + "; see " + home.resolve("copy.log"));
        }
        return lib;
    }

    private static boolean containsJars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jar"));
        }
    }

    private Path writeConfig(int brokerPort, int controllerPort) throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
        Path config = runDir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=" + listeners,
                "advertised.listeners=" + listeners,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                // Kafka 4.x dynamic quorum: bootstrap servers (not controller.quorum.voters) + format --standalone
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + runDir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""), StandardCharsets.UTF_8);
        // kafka-server ships log4j 2 but no configuration; log INFO to the (redirected) console
        Files.writeString(runDir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.console.ref=console",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=[%d] %p %m (%c)%n",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private List<String> java(Path lib, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + runDir.resolve("log4j2.properties"),
                "-cp", lib + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Waits (Awaitility) until the broker accepts a connection and answers describeCluster with a node. */
    private void awaitReady(String bootstrap, Path log) {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "kafka-broker-resource-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try {
            // a cheap socket check first keeps the admin client from logging refusals
            Awaitility.await("the test Kafka broker listening on " + bootstrap).atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the test Kafka broker exited while starting; see " + log, () -> !broker.isAlive())
                    .until(() -> accepts(port));
            try (Admin admin = Admin.create(adminConfig)) {
                Awaitility.await("the test Kafka broker answering on " + bootstrap).atMost(STARTUP_TIMEOUT)
                        .pollInterval(Duration.ofMillis(200))
                        .failFast("the test Kafka broker exited while starting; see " + log, () -> !broker.isAlive())
                        .ignoreExceptions()
                        .until(() -> !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty());
            }
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + tail(log), e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) { // held open together so the ports differ
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Runs a command to completion, its output going to {@code log}; fails clearly if it does not succeed. */
    private static void run(List<String> command, Path log, Duration timeout, String what) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                terminate(process);
                throw new IllegalStateException(what + " timed out after " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            terminate(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (exit code " + process.exitValue() + "): "
                    + String.join(" ", command) + "\nsee " + log + "\n" + tail(log));
        }
    }

    private void stopBroker() {
        if (broker != null) {
            terminate(broker);
            broker = null;
        }
    }

    /** SIGTERM (the broker shuts down cleanly in ~2 s), then SIGKILL after the timeout. */
    private static void terminate(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: target/ is cleaned by the next mvn clean anyway
        }
    }
}
