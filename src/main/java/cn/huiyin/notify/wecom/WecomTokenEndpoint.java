package cn.huiyin.notify.wecom;

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
 * WeCom's token endpoint ({@code GET /cgi-bin/gettoken}): one call, its answer checked. Sharing the token between
 * replicas is {@link WecomAccessTokens}'s job.
 */
@ApplicationScoped
public class WecomTokenEndpoint {

    /** Tokens are dropped from the cache this long before WeCom's own expiry. */
    static final Duration EARLY_REFRESH = Duration.ofMinutes(5);

    @Inject
    WecomConfig config;

    @Inject
    Vertx vertx;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) config.timeout().toMillis()));
    }

    /** A new token of the app (WeCom keeps handing out the same one until it expires). */
    Uni<Fetched> fetch(WecomAgent agent) {
        return client.getAbs(WecomMessenger.base(config) + "/cgi-bin/gettoken")
                .addQueryParam("corpid", agent.corpId())
                .addQueryParam("corpsecret", agent.secret())
                .timeout(config.timeout().toMillis())
                .send()
                .ifNoItem().after(config.timeout()).failWith(() -> new IllegalStateException(
                        "WeCom gettoken did not answer within " + config.timeout().toSeconds() + " s"))
                .map(response -> {
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        throw new IllegalStateException("WeCom gettoken answered HTTP " + response.statusCode());
                    }
                    JsonObject body = WecomMessenger.json(response.bodyAsString(), "gettoken");
                    int errcode = WecomMessenger.number(body.getValue("errcode"), 0);
                    String token = body.getString("access_token");
                    if (errcode != 0 || token == null || token.isBlank()) {
                        throw new IllegalStateException("WeCom refused an access token for app " + agent.name()
                                + ": errcode " + errcode + " " + body.getString("errmsg", ""));
                    }
                    return new Fetched(token, usableFor(WecomMessenger.number(body.getValue("expires_in"), 7200)));
                });
    }

    /** WeCom's lifetime less the early-refresh margin (half the lifetime, should WeCom ever grant a short one). */
    static Duration usableFor(long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(Math.max(1, expiresInSeconds));
        Duration early = lifetime.minus(EARLY_REFRESH);
        return early.compareTo(lifetime.dividedBy(2)) >= 0 ? early
                : Duration.ofMillis(Math.max(1000, lifetime.toMillis() / 2));
    }
}
