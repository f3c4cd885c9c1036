package cn.huiyin.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The current request's anti-forgery token for the pages' forms ({@code {#csrf /}}, the tag in
 * {@code templates/tags/csrf.html}, reads {@code inject:csrf.token}), so that no page resource has to pass it.
 * Empty for a visitor without an auth cookie, whose forms need none.
 */
@Named("csrf")
@RequestScoped
public class CsrfField {

    @Inject
    CurrentVertxRequest request;

    @Inject
    CsrfGuard guard;

    private String token;

    public String token() {
        if (token == null) {
            RoutingContext current = request.getCurrent();
            String session = current == null ? null
                    : CsrfTokens.sessionOf(current.request().headers().getAll(HttpHeaders.COOKIE));
            token = session == null ? "" : guard.tokenFor(session);
        }
        return token;
    }
}
