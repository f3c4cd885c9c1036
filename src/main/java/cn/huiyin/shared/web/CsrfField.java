package cn.huiyin.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The current request's anti-forgery token for the pages' forms ({@code {#csrf /}}, the tag in
 * {@code templates/tags/csrf.html}, reads {@code inject:csrf.token}), so that no page resource has to pass it.
 * Empty for a visitor without a sign-in cookie, whose forms need none. A signed-in browser without its
 * {@code huiyin_csrf} cookie yet gets one with this page (and the token of the new value in its forms).
 */
@Named("csrf")
@RequestScoped
public class CsrfField {

    /** Marks a response that ends the browser's {@code huiyin_csrf} (sign-out): no new one goes with it. */
    private static final String ENDED = CsrfField.class.getName() + ".ended";

    @Inject
    CurrentVertxRequest request;

    @Inject
    CsrfGuard guard;

    private String token;

    public String token() {
        if (token == null) {
            RoutingContext current = request.getCurrent();
            token = current == null ? "" : tokenOf(current);
        }
        return token;
    }

    private String tokenOf(RoutingContext rc) {
        var cookieHeaders = rc.request().headers().getAll(HttpHeaders.COOKIE);
        if (!CsrfTokens.signedIn(cookieHeaders) || Boolean.TRUE.equals(rc.get(ENDED))) {
            return "";
        }
        String value = CsrfTokens.cookieOf(cookieHeaders);
        if (value == null) {
            if (rc.response().headWritten()) {
                return ""; // too late to give the browser its cookie: a token without it would only be refused
            }
            value = CsrfTokens.newCookieValue();
            rc.response().addCookie(cookie(rc, value));
        }
        return guard.tokenFor(value);
    }

    /**
     * {@code huiyin_csrf} for this browser: HttpOnly (no script needs it: the token is in the page), for the whole
     * site, until the browser closes. SameSite=Lax, not Strict: a cross-site post never carries it either way, but a
     * Strict cookie would also be missing when the browser follows a link from elsewhere, and the page would then give
     * it a new one, failing the forms open in its other tabs.
     */
    private static Cookie cookie(RoutingContext rc, String value) {
        return Cookie.cookie(CsrfTokens.COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure("https".equalsIgnoreCase(rc.request().scheme()));
    }

    /** Expires the browser's {@code huiyin_csrf} in this response (sign-out), and keeps any page from issuing one. */
    public static void end(RoutingContext rc) {
        rc.put(ENDED, Boolean.TRUE);
        rc.response().addCookie(cookie(rc, "").setMaxAge(0));
    }
}
