package cn.huiyin.replicas;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * WeCom's server API on loopback ports, one port per replica so that every request is known by the replica that sent
 * it, and one state behind them, as WeCom has. {@code gettoken} hands out the same token until it expires;
 * {@code message/send} honours the duplicate check: a message whose content a user already received within
 * {@code duplicate_check_interval} is accepted ({@code errcode 0}) and not delivered again. Raw requests and delivered
 * messages are counted apart.
 * <p>
 * {@link #holdNth} lets a test catch a replica in the middle of a round: that message is delivered, as WeCom would,
 * but its answer never leaves, so the replica cannot know it went out.
 */
final class WecomStub implements AutoCloseable {

    static final String CORP_ID = "ww-replicas-it";
    static final String SECRET = "replicas-it-corp-secret";
    static final int AGENT_ID = 1000002;
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);
    private static final int DEFAULT_DUPLICATE_CHECK_SECONDS = 1800;

    /** One {@code message/send} request to one user: which replica sent it, the card, and whether it reached them. */
    record Request(String replica, String touser, String title, boolean delivered) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Integer> ports = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** When each content last reached each user (the duplicate check's memory). */
    private final Map<String, Instant> lastDelivered = new HashMap<>();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    private String holdFrom;
    private int holdAt;
    private final CompletableFuture<Request> held = new CompletableFuture<>();

    /** Listens on a port of its own for each replica name. */
    WecomStub(List<String> replicas) {
        for (String replica : replicas) {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> handle(replica, request, body.toString())))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
            ports.put(replica, server.actualPort());
        }
    }

    /** The API base a replica is configured with. */
    String apiBase(String replica) {
        return "http://127.0.0.1:" + ports.get(replica);
    }

    /** Holds the answer to the {@code n}-th message the replica sends; the returned future completes when it comes. */
    synchronized CompletableFuture<Request> holdNth(String replica, int n) {
        holdFrom = replica;
        holdAt = n;
        return held;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> delivered() {
        return requests.stream().filter(Request::delivered).toList();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    private void handle(String replica, HttpServerRequest request, String body) {
        switch (request.path()) {
            case "/cgi-bin/gettoken" -> token(request);
            case "/cgi-bin/message/send" -> message(replica, request, body);
            default -> request.response().setStatusCode(404).end();
        }
    }

    private synchronized void token(HttpServerRequest request) {
        if (!CORP_ID.equals(request.getParam("corpid")) || !SECRET.equals(request.getParam("corpsecret"))) {
            answer(request, error(40001, "invalid credential"));
            return;
        }
        Instant now = Instant.now();
        if (token == null || !now.isBefore(tokenExpires)) {
            token = "T" + tokensIssued.incrementAndGet();
            tokenExpires = now.plus(TOKEN_LIFETIME);
        }
        answer(request, error(0, "ok").put("access_token", token)
                .put("expires_in", Duration.between(now, tokenExpires).toSeconds()));
    }

    private void message(String replica, HttpServerRequest request, String body) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException notJson) {
            answer(request, error(47001, "data format error"));
            return;
        }
        JsonObject outcome = accept(replica, request.getParam("access_token"), json);
        if (outcome != null) {
            answer(request, outcome);
        }
    }

    /** Delivers the message and returns WeCom's answer, or null when the answer is held back. */
    private synchronized JsonObject accept(String replica, String accessToken, JsonObject json) {
        if (token == null || !token.equals(accessToken)) {
            return error(40014, "invalid access_token");
        }
        if (!Instant.now().isBefore(tokenExpires)) {
            return error(42001, "access_token expired");
        }
        String msgtype = json.getString("msgtype", "");
        JsonObject content = json.getJsonObject(msgtype);
        if (content == null || json.getInteger("agentid", -1) != AGENT_ID) {
            return error(content == null ? 44004 : 301002, "bad message");
        }
        boolean checkDuplicates = json.getInteger("enable_duplicate_check", 0) == 1;
        Duration interval = Duration.ofSeconds(json.getInteger("duplicate_check_interval", DEFAULT_DUPLICATE_CHECK_SECONDS));
        Request last = null;
        for (String user : json.getString("touser", "").split("\\|")) {
            String key = user + "\n" + msgtype + "\n" + content.encode();
            Instant before = lastDelivered.get(key);
            boolean deliver = !checkDuplicates || before == null || before.plus(interval).isBefore(Instant.now());
            if (deliver) {
                lastDelivered.put(key, Instant.now());
            }
            last = new Request(replica, user, content.getString("title", ""), deliver);
            requests.add(last);
        }
        if (replica.equals(holdFrom) && count(replica) == holdAt) {
            held.complete(last);
            return null;
        }
        return error(0, "ok").put("msgid", "msg-" + requests.size());
    }

    private long count(String replica) {
        return requests.stream().filter(r -> r.replica().equals(replica)).count();
    }

    private static JsonObject error(int errcode, String errmsg) {
        return new JsonObject().put("errcode", errcode).put("errmsg", errmsg);
    }

    private static void answer(HttpServerRequest request, JsonObject body) {
        // WeCom answers 200 with a JSON body, errors included
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(body.encode());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
