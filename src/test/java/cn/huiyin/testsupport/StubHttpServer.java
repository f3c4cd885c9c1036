package cn.huiyin.testsupport;

import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A real HTTP server on a loopback port standing in for an outside API (the SMS gateway). It records every
 * request and answers with the statuses queued by the test (200 when none is queued).
 */
public class StubHttpServer implements QuarkusTestResourceLifecycleManager {

    public record Received(String path, Map<String, String> headers, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final Deque<Integer> NEXT_STATUSES = new ConcurrentLinkedDeque<>();

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            RECEIVED.add(new Received(request.path(), headers, body.toString()));
            Integer status = NEXT_STATUSES.poll();
            request.response().setStatusCode(status == null ? 200 : status).putHeader("Content-Type", "application/json")
                    .end("{\"ok\":" + (status == null || status < 300) + "}");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of("huiyin.sms.enabled", "true",
                "huiyin.sms.base-url", "http://127.0.0.1:" + server.actualPort(),
                "huiyin.sms.api-key", "test-sms-key");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
