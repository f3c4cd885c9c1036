package cn.huiyin.notify.wechat;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.tokens.SharedAccessTokens.Fetched;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * WeChat's token endpoint ({@code GET /cgi-bin/token}): one call, its answer checked. Sharing the token between
 * replicas is {@link WechatAccessTokens}'s job.
 */
@ApplicationScoped
public class WechatTokenEndpoint {

    /** Tokens are dropped from the cache this long before WeChat's own expiry. */
    static final Duration EARLY_REFRESH = Duration.ofMinutes(5);
    /** How long one call to WeChat may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    WechatConfig config;

    @Inject
    Vertx vertx;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) CALL_TIMEOUT.toMillis()));
    }

    /** {@code GET /cgi-bin/token}: a new token, which also starts the old one's expiry at WeChat. */
    Uni<Fetched> fetch(String accountName, WechatConfig.Account account) {
        return client.getAbs(apiBase() + "/cgi-bin/token")
                .addQueryParam("grant_type", "client_credential")
                .addQueryParam("appid", account.appId())
                .addQueryParam("secret", account.appSecret().orElse(""))
                .timeout(CALL_TIMEOUT.toMillis())
                .send()
                .ifNoItem().after(CALL_TIMEOUT).failWith(() -> new IllegalStateException(
                        "WeChat token endpoint did not answer within " + CALL_TIMEOUT.toSeconds() + " s"))
                .map(response -> {
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        throw new IllegalStateException("WeChat token endpoint answered HTTP " + response.statusCode());
                    }
                    JsonObject body;
                    try {
                        body = response.bodyAsJsonObject();
                    } catch (RuntimeException unreadable) {
                        throw new IllegalStateException("WeChat token endpoint answered something other than JSON");
                    }
                    if (body == null) {
                        throw new IllegalStateException("WeChat token endpoint answered an empty body");
                    }
                    Number errcode = numberOrNull(body.getValue("errcode"));
                    String token = body.getString("access_token");
                    if ((errcode != null && errcode.intValue() != 0) || token == null || token.isBlank()) {
                        throw new IllegalStateException("WeChat refused an access token for account " + accountName
                                + ": errcode " + (errcode == null ? "?" : errcode.intValue()) + " "
                                + body.getString("errmsg", ""));
                    }
                    Number expiresIn = numberOrNull(body.getValue("expires_in"));
                    return new Fetched(token, usableFor(expiresIn == null ? 7200 : expiresIn.longValue()));
                });
    }

    /** WeChat's lifetime less the early-refresh margin (half the lifetime, should WeChat ever grant a short one). */
    static Duration usableFor(long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(Math.max(1, expiresInSeconds));
        Duration early = lifetime.minus(EARLY_REFRESH);
        return early.compareTo(lifetime.dividedBy(2)) >= 0 ? early : Duration.ofMillis(Math.max(1000, lifetime.toMillis() / 2));
    }

    private static Number numberOrNull(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private String apiBase() {
        String base = config.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
