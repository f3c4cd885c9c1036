package cn.huiyin.notify.wecom;

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
 * WeCom's server API on a loopback port, and the app configured against it: {@code /cgi-bin/gettoken} hands out a
 * new token on every call ({@code W1}, {@code W2}, …); {@code /cgi-bin/message/send} records what it receives and
 * answers the errcodes queued by the test ({@code 0}, "ok", when none is queued).
 */
public class StubWecomApi implements QuarkusTestResourceLifecycleManager {

    public static final String CORP_ID = "ww-test-corp";
    public static final String SECRET = "test-corp-secret";
    public static final int AGENT_ID = 1000002;

    /** A token request, with the query it carried. */
    public record TokenRequest(String corpId, String secret, String issued) {
    }

    /** A message request: the token it was sent with, its JSON body, and the errcode it was answered with. */
    public record Received(String accessToken, JsonObject body, int answered) {

        public String touser() {
            return body.getString("touser");
        }

        public JsonObject card() {
            return body.getJsonObject("textcard");
        }
    }

    /** An answer the test queues: errcode and errmsg. */
    public record Queued(int errcode, String errmsg) {
    }

    public static final List<TokenRequest> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final Deque<Queued> NEXT_ANSWERS = new ConcurrentLinkedDeque<>();

    private static final AtomicInteger ISSUED = new AtomicInteger();

    private Vertx vertx;

    public static void reset() {
        TOKEN_REQUESTS.clear();
        RECEIVED.clear();
        NEXT_ANSWERS.clear();
    }

    /**
     * The messages about this appeal: their card's title names it ("… · 诉求 2612070000013"). Not the button's
     * address: the desk's and the district leaders' cards open the supervision desk, which names no appeal.
     */
    public static List<Received> about(String trackingNo) {
        return RECEIVED.stream().filter(r -> r.card() != null && r.card().getString("title", "").endsWith("诉求 " + trackingNo))
                .toList();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            switch (request.path()) {
                case "/cgi-bin/gettoken" -> token(request);
                case "/cgi-bin/message/send" -> message(request, body.toString());
                default -> request.response().setStatusCode(404).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of("huiyin.wecom.api-base", "http://127.0.0.1:" + server.actualPort(),
                "huiyin.wecom.corp-id", CORP_ID,
                "huiyin.wecom.corp-secret", SECRET,
                "huiyin.wecom.agent-id", String.valueOf(AGENT_ID));
    }

    private static void token(HttpServerRequest request) {
        if (!CORP_ID.equals(request.getParam("corpid")) || !SECRET.equals(request.getParam("corpsecret"))) {
            answer(request, new JsonObject().put("errcode", 40001).put("errmsg", "invalid credential"));
            return;
        }
        String issued = "W" + ISSUED.incrementAndGet();
        TOKEN_REQUESTS.add(new TokenRequest(request.getParam("corpid"), request.getParam("corpsecret"), issued));
        answer(request, new JsonObject().put("errcode", 0).put("errmsg", "ok").put("access_token", issued)
                .put("expires_in", 7200));
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
        Queued queued = NEXT_ANSWERS.poll();
        int errcode = queued == null ? 0 : queued.errcode();
        RECEIVED.add(new Received(request.getParam("access_token"), json, errcode));
        answer(request, new JsonObject().put("errcode", errcode).put("errmsg", queued == null ? "ok" : queued.errmsg())
                .put("msgid", "msg-" + RECEIVED.size()));
    }

    private static void answer(HttpServerRequest request, JsonObject body) {
        // WeCom answers 200 with a JSON body for errors too
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(body.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
