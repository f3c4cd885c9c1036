package cn.huiyin.notify.wechat;

import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.notify.wechat.persistence.FollowerWindowRepository;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends a text to a follower of one of our official accounts. Within 48 hours of the follower's last
 * message this is a customer-service message; outside that window (or when WeChat says the window is
 * closed) it is the account's notice template, whose {@code client_msg_id} makes a repeat harmless.
 * Failures that retrying cannot mend are {@link PermanentFailure}s; the rest are plain failures.
 */
@ApplicationScoped
public class WechatMessenger {

    private static final Logger LOG = Logger.getLogger(WechatMessenger.class);

    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";

    /** access_token invalid / not the latest / expired: fetch a new one and try once more. */
    static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 42001);
    /** The 48-hour interaction window is closed (response out of time limit). */
    static final int OUTSIDE_WINDOW = 45015;
    /** The customer-service quota of the window is used up: the template still reaches the follower. */
    static final int WINDOW_QUOTA_USED = 45047;
    /** Busy or rate-limited: try again later. */
    static final Set<Integer> TRY_LATER = Set.of(-1, 45009, 45011);

    /** What WeChat answered to one call. */
    record Answer(int errcode, String errmsg) {
        boolean ok() {
            return errcode == 0;
        }
    }

    @Inject
    WechatConfig config;

    @Inject
    WechatAccessTokens tokens;

    @Inject
    FollowerWindowRepository followers;

    @Inject
    Vertx vertx;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx,
                new WebClientOptions().setConnectTimeout((int) WechatTokenEndpoint.CALL_TIMEOUT.toMillis()));
    }

    /**
     * Sends {@code content} to {@code openId}. {@code idempotencyKey} becomes the template message's
     * {@code client_msg_id}; customer-service messages have no such key at WeChat.
     */
    public Uni<Void> sendText(String accountName, String openId, String content, String idempotencyKey) {
        WechatConfig.Account account = config.accounts().get(accountName);
        if (account == null) {
            return Uni.createFrom().failure(new PermanentFailure("no WeChat account named " + accountName));
        }
        return followers.withinWindow(accountName, openId).chain(inside -> {
            if (!inside) {
                return template(accountName, account, openId, content, idempotencyKey);
            }
            JsonObject custom = new JsonObject().put("touser", openId).put("msgtype", "text")
                    .put("text", new JsonObject().put("content", content));
            return call(accountName, CUSTOM_SEND, custom).chain(answer -> {
                if (answer.errcode() == OUTSIDE_WINDOW || answer.errcode() == WINDOW_QUOTA_USED) {
                    LOG.debugf("customer-service message to a follower of %s refused (%d): template instead",
                            accountName, answer.errcode());
                    return template(accountName, account, openId, content, idempotencyKey);
                }
                return settle(CUSTOM_SEND, answer);
            });
        });
    }

    private Uni<Void> template(String accountName, WechatConfig.Account account, String openId, String content,
            String idempotencyKey) {
        String templateId = account.noticeTemplateId().filter(id -> !id.isBlank()).orElse(null);
        if (templateId == null) {
            return Uni.createFrom().failure(new PermanentFailure("the follower of WeChat account " + accountName
                    + " is outside the 48-hour window and the account has no notice-template-id"));
        }
        JsonObject body = new JsonObject().put("touser", openId).put("template_id", templateId)
                .put("client_msg_id", idempotencyKey)
                .put("data", new JsonObject().put("content", new JsonObject().put("value", content)));
        return call(accountName, TEMPLATE_SEND, body).chain(answer -> settle(TEMPLATE_SEND, answer));
    }

    /** One API call with the shared token; a refused token is replaced once and the call repeated. */
    private Uni<Answer> call(String accountName, String path, JsonObject body) {
        return tokens.token(accountName).chain(token -> post(path, token, body).chain(answer -> {
            if (!TOKEN_REFUSED.contains(answer.errcode())) {
                return Uni.createFrom().item(answer);
            }
            LOG.debugf("WeChat refused the access token of %s (%d): refreshing it", accountName, answer.errcode());
            return tokens.invalidate(accountName, token)
                    .chain(() -> tokens.token(accountName))
                    .chain(fresh -> post(path, fresh, body));
        }));
    }

    private Uni<Answer> post(String path, String token, JsonObject body) {
        return client.postAbs(apiBase() + path)
                .addQueryParam("access_token", token)
                .timeout(WechatTokenEndpoint.CALL_TIMEOUT.toMillis())
                .sendJsonObject(body)
                .ifNoItem().after(WechatTokenEndpoint.CALL_TIMEOUT).failWith(() -> new IllegalStateException(
                        "WeChat " + path + " did not answer within " + WechatTokenEndpoint.CALL_TIMEOUT.toSeconds() + " s"))
                .map(response -> {
                    int status = response.statusCode();
                    if (status < 200 || status >= 300) {
                        String why = "WeChat " + path + " answered HTTP " + status;
                        if (status >= 500 || status == 408 || status == 429) {
                            throw new IllegalStateException(why);
                        }
                        throw new PermanentFailure(why);
                    }
                    JsonObject answer;
                    try {
                        answer = response.bodyAsJsonObject();
                    } catch (RuntimeException unreadable) {
                        throw new IllegalStateException("WeChat " + path + " answered something other than JSON");
                    }
                    if (answer == null) {
                        throw new IllegalStateException("WeChat " + path + " answered an empty body");
                    }
                    Object errcode = answer.getValue("errcode");
                    int code = errcode instanceof Number number ? number.intValue() : 0;
                    return new Answer(code, answer.getString("errmsg", ""));
                });
    }

    private String apiBase() {
        String base = config.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Delivered, or a failure: retried when WeChat is busy or limiting us, permanent otherwise. */
    private static Uni<Void> settle(String path, Answer answer) {
        if (answer.ok()) {
            return Uni.createFrom().voidItem();
        }
        String why = "WeChat " + path + " answered errcode " + answer.errcode() + " " + answer.errmsg();
        if (TRY_LATER.contains(answer.errcode()) || TOKEN_REFUSED.contains(answer.errcode())) {
            return Uni.createFrom().failure(new IllegalStateException(why));
        }
        return Uni.createFrom().failure(new PermanentFailure(why));
    }
}
