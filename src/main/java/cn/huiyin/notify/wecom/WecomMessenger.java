package cn.huiyin.notify.wecom;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.notify.wecom.domain.Delivery;
import cn.huiyin.notify.wecom.domain.Textcard;
import cn.huiyin.notify.wecom.domain.WecomAnswer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends a text card to one WeCom user as an application message ({@code POST /cgi-bin/message/send}). A refused or
 * expired token is replaced once and the message sent again; what WeCom answers then decides the outcome
 * ({@link WecomAnswer#delivery()}). Nothing here fails: a network error or an unreadable answer is a
 * {@link Delivery.TryLater}. WeCom's duplicate check (30 minutes) keeps a message sent twice after a crash from
 * reaching the person twice.
 */
@ApplicationScoped
public class WecomMessenger {

    private static final Logger LOG = Logger.getLogger(WecomMessenger.class);

    static final String SEND = "/cgi-bin/message/send";
    static final int DUPLICATE_CHECK_SECONDS = 1800;

    @Inject
    WecomConfig config;

    @Inject
    WecomAgents agents;

    @Inject
    WecomAccessTokens tokens;

    @Inject
    Vertx vertx;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) config.timeout().toMillis()));
    }

    public Uni<Delivery> send(String userId, Textcard card) {
        Optional<WecomAgent> agent = agents.configured();
        if (agent.isEmpty()) {
            return Uni.createFrom().item(new Delivery.TryLater("WeCom is not configured"));
        }
        JsonObject body = body(userId, card, agent.get().agentId());
        return call(agent.get(), body).map(WecomAnswer::delivery)
                .onFailure().recoverWithItem(failure -> new Delivery.TryLater(String.valueOf(failure.getMessage())));
    }

    /** One send with the shared token; a refused token is replaced once and the send repeated. */
    private Uni<WecomAnswer> call(WecomAgent agent, JsonObject body) {
        return tokens.token(agent).chain(token -> post(token, body).chain(answer -> {
            if (!answer.tokenRefused()) {
                return Uni.createFrom().item(answer);
            }
            LOG.debugf("WeCom refused the access token of %s (%d): fetching a new one", agent.name(), answer.errcode());
            return tokens.invalidate(agent, token).chain(() -> tokens.token(agent)).chain(fresh -> post(fresh, body));
        }));
    }

    static JsonObject body(String userId, Textcard card, int agentId) {
        return new JsonObject().put("touser", userId).put("msgtype", "textcard").put("agentid", agentId)
                .put("textcard", new JsonObject().put("title", card.title()).put("description", card.description())
                        .put("url", card.url()).put("btntxt", card.buttonText()))
                .put("enable_duplicate_check", 1).put("duplicate_check_interval", DUPLICATE_CHECK_SECONDS);
    }

    private Uni<WecomAnswer> post(String token, JsonObject body) {
        return client.postAbs(base(config) + SEND)
                .addQueryParam("access_token", token)
                .timeout(config.timeout().toMillis())
                .sendJsonObject(body)
                .ifNoItem().after(config.timeout()).failWith(() -> new IllegalStateException(
                        "WeCom message/send did not answer within " + config.timeout().toSeconds() + " s"))
                .map(response -> {
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        throw new IllegalStateException("WeCom message/send answered HTTP " + response.statusCode());
                    }
                    return answer(json(response.bodyAsString(), "message/send"));
                });
    }

    /** WeCom's answer; {@code invaliduser} and {@code unlicenseduser} name users the message did not reach. */
    static WecomAnswer answer(JsonObject body) {
        String unreached = Stream.of(body.getValue("invaliduser"), body.getValue("unlicenseduser"))
                .filter(value -> value != null && !value.toString().isBlank())
                .map(value -> value.toString().strip()).collect(Collectors.joining("|"));
        return new WecomAnswer(number(body.getValue("errcode"), 0), body.getString("errmsg", ""),
                unreached.isEmpty() ? null : unreached);
    }

    static JsonObject json(String text, String call) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("WeCom " + call + " answered an empty body");
        }
        try {
            return new JsonObject(text);
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("WeCom " + call + " answered something other than a JSON object");
        }
    }

    static int number(Object value, int absent) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException notANumber) {
                return absent;
            }
        }
        return absent;
    }

    static String base(WecomConfig config) {
        String base = config.apiBase();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
