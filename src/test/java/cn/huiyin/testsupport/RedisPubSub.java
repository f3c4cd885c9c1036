package cn.huiyin.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/** What a Redis restart does to this replica's pub/sub subscriptions, without touching anybody else's. */
public final class RedisPubSub {

    public static final int REDIS_PORT = 6379;

    private RedisPubSub() {
    }

    /**
     * {@code CLIENT KILL TYPE pubsub ADDR …} for each pub/sub client whose address is a socket of this process, sent
     * on {@code redis} (another connection). Returns how many were cut.
     */
    public static int killOurPubSubConnections(Redis redis) throws IOException {
        Set<Integer> ourPorts = localPortsToRedis();
        String clients = redis.send(Request.cmd(Command.CLIENT).arg("LIST").arg("TYPE").arg("pubsub"))
                .await().atMost(Duration.ofSeconds(5)).toString();
        int killed = 0;
        for (String client : clients.split("\n")) {
            for (String field : client.trim().split(" ")) {
                if (field.startsWith("addr=")) {
                    String addr = field.substring("addr=".length());
                    int port = Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
                    if (ourPorts.contains(port)) {
                        killed += redis.send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub")
                                .arg("ADDR").arg(addr)).await().atMost(Duration.ofSeconds(5)).toInteger();
                    }
                }
            }
        }
        return killed;
    }

    /** The local ports of this process's TCP connections to Redis (Linux: /proc/self/fd matched to /proc/net/tcp*). */
    private static Set<Integer> localPortsToRedis() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                String local = columns[1];
                String remote = columns[2];
                int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                if (remotePort == REDIS_PORT && sockets.contains(columns[9])) {
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
