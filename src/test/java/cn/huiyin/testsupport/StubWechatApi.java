package cn.huiyin.testsupport;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * WeChat's API on a loopback port: {@code /cgi-bin/token} hands out a new token on every call
 * ({@code T1}, {@code T2}, …); the customer-service and template endpoints record what they receive and
 * answer the errcodes queued by the test ({@code 0}, "ok", when none is queued).
 */
public class StubWechatApi implements QuarkusTestResourceLifecycleManager {

    public static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    public static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";

    /** A token request, with the query it carried. */
    public record TokenRequest(String grantType, String appId, String secret, String issued) {
    }

    /** A message request: the token it was sent with, its JSON body, and the errcode it was answered with. */
    public record Received(String path, String accessToken, JsonObject body, int answered) {
    }

    public static final List<TokenRequest> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Errcodes for the next message requests, custom or template, in order. */
    public static final Deque<Integer> NEXT_ERRCODES = new ConcurrentLinkedDeque<>();

    private static final AtomicInteger ISSUED = new AtomicInteger();

    private Vertx vertx;

    public static void reset() {
        TOKEN_REQUESTS.clear();
        RECEIVED.clear();
        NEXT_ERRCODES.clear();
    }

    public static int tokenCalls() {
        return TOKEN_REQUESTS.size();
    }

    public static List<Received> customMessages() {
        return RECEIVED.stream().filter(r -> r.path().equals(CUSTOM_SEND)).toList();
    }

    public static List<Received> templateMessages() {
        return RECEIVED.stream().filter(r -> r.path().equals(TEMPLATE_SEND)).toList();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            switch (request.path()) {
                case "/cgi-bin/token" -> token(request);
                case CUSTOM_SEND, TEMPLATE_SEND -> message(request, body.toString());
                default -> request.response().setStatusCode(404).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of("huiyin.wechat.api-base-url", "http://127.0.0.1:" + server.actualPort());
    }

    private static void token(HttpServerRequest request) {
        if (!"GET".equals(request.method().name())) {
            answer(request, new JsonObject().put("errcode", 43001).put("errmsg", "require GET method"));
            return;
        }
        String issued = "T" + ISSUED.incrementAndGet();
        TOKEN_REQUESTS.add(new TokenRequest(request.getParam("grant_type"), request.getParam("appid"),
                request.getParam("secret"), issued));
        answer(request, new JsonObject().put("access_token", issued).put("expires_in", 7200));
    }

    private static void message(HttpServerRequest request, String body) {
        if (!"POST".equals(request.method().name())) {
            answer(request, new JsonObject().put("errcode", 43002).put("errmsg", "require POST method"));
            return;
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException notJson) {
            answer(request, new JsonObject().put("errcode", 47001).put("errmsg", "data format error"));
            return;
        }
        Integer queued = NEXT_ERRCODES.poll();
        int errcode = queued == null ? 0 : queued;
        RECEIVED.add(new Received(request.path(), request.getParam("access_token"), json, errcode));
        JsonObject answer = new JsonObject().put("errcode", errcode).put("errmsg", errcode == 0 ? "ok" : "stub errcode " + errcode);
        if (errcode == 0 && TEMPLATE_SEND.equals(request.path())) {
            answer.put("msgid", 200228332L + RECEIVED.size());
        }
        answer(request, answer);
    }

    private static void answer(HttpServerRequest request, JsonObject body) {
        // WeChat answers 200 with a JSON body for errors too
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json; encoding=utf-8")
                .end(body.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
