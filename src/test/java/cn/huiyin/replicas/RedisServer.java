package cn.huiyin.replicas;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own ({@code redis-server} as a child process, nothing saved to disk), for a test that
 * stops and starts Redis under running replicas without touching the Redis other tests share. A shutdown hook ends it
 * should the test JVM stop first.
 */
final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path log;
    private Process process;
    private Thread reaper;

    RedisServer(int port, Path logDir) throws IOException {
        this.port = port;
        Files.createDirectories(logDir);
        this.log = logDir.resolve("redis-" + port + ".log");
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again, after {@link #kill()}) and waits until it answers {@code PING}. */
    void start(Duration patience) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on " + port + " is already running");
        }
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process started = process;
        reaper = new Thread(started::destroyForcibly, "reap-redis-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
        await().atMost(patience).pollInterval(Duration.ofMillis(50)).until(this::answers);
    }

    /** {@code kill -9}: every connection to it drops at once, as when Redis crashes or its pod is replaced. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server on " + port + " exited with " + process.exitValue()
                    + ", see " + log);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
