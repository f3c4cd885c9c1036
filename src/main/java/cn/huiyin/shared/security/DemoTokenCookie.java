package cn.huiyin.shared.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Demo mode and tests only: the demo login signs a browser in with the demo token in the {@code huiyin_token} cookie,
 * and this hands that token to the bearer check as if it had come in an {@code Authorization} header (which, when a
 * request has one, wins). It is installed only while the demo key is what verifies tokens — a demo or test profile,
 * {@code quarkus.oidc.public-key} set and no provider URL — so in production the cookie signs nobody in.
 */
@ApplicationScoped
public class DemoTokenCookie {

    public static final String NAME = "huiyin_token";

    /** Before EdgeGuard (-10) and everything that may ask who the caller is. */
    static final int ORDER = -20;

    @ConfigProperty(name = "quarkus.oidc.public-key")
    Optional<String> publicKey;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> providerUrl;

    void install(@Observes Router router) {
        if (inUse(OidcStartupCheck.isDemoOrTest(ConfigProvider.getConfig()), publicKey, providerUrl)) {
            router.route().order(ORDER).handler(this::bridge);
        }
    }

    /** Whether the demo key verifies the tokens, so that the demo login's cookie may sign a browser in. */
    static boolean inUse(boolean demoOrTest, Optional<String> publicKey, Optional<String> providerUrl) {
        return demoOrTest && publicKey.filter(key -> !key.isBlank()).isPresent()
                && providerUrl.filter(url -> !url.isBlank()).isEmpty();
    }

    void bridge(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        // without a Cookie header there is nothing to hand over: skip parsing the request's cookies
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.headers().contains(HttpHeaders.COOKIE)) {
            Cookie cookie = request.getCookie(NAME);
            if (cookie != null && !cookie.getValue().isBlank()) {
                request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + cookie.getValue());
            }
        }
        rc.next();
    }
}
