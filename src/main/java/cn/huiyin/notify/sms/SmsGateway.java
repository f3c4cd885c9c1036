package cn.huiyin.notify.sms;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.outbox.OutboxHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends one templated SMS. The request carries an {@code Idempotency-Key}, so a message handed over twice
 * (after a crash) is sent once by the gateway. 4xx other than 408/429 is permanent; the rest is retried.
 */
@ApplicationScoped
public class SmsGateway {

    @Inject
    Vertx vertx;

    @Inject
    SmsConfig config;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) config.timeout().toMillis()));
    }

    public Uni<Void> send(String idempotencyKey, String mobile, String template, Map<String, String> params) {
        URI base = URI.create(config.baseUrl().orElseThrow(() -> new IllegalStateException("huiyin.sms.base-url is not set")));
        JsonObject values = new JsonObject();
        params.forEach(values::put);
        JsonObject body = new JsonObject().put("to", mobile).put("templateId", template).put("params", values);
        return client.postAbs(base.resolve("/v1/sms/send").toString())
                .putHeader("Authorization", "Bearer " + config.apiKey().orElse(""))
                .putHeader("Idempotency-Key", idempotencyKey)
                .timeout(config.timeout().toMillis())
                .sendJsonObject(body)
                .map(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return null;
                    }
                    String why = "SMS gateway answered " + status;
                    if (status >= 400 && status < 500 && status != 408 && status != 429) {
                        throw new OutboxHandler.PermanentFailure(why);
                    }
                    throw new IllegalStateException(why);
                }).replaceWithVoid();
    }
}
