package cn.huiyin.shared.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

import cn.huiyin.shared.web.EdgePages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * How a browser is refused a page: sent to sign in when nobody is signed in, shown a Chinese page when the role may
 * not open it. API clients (no {@code text/html} asked for first, or any {@code /api/} path) keep the problem document.
 */
public final class StaffPageRefusals {

    private StaffPageRefusals() {
    }

    /** 401: a browser asking for a page is sent to the sign-in page, which sends it back after. */
    public static Response signInFirst(HttpServerRequest request, Response problem) {
        if (!browserWantsPage(request)) {
            return problem;
        }
        boolean reading = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        String to = reading ? SignInPage.localTarget(request.uri()) : null;
        String query = to == null ? "" : "?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/signin" + query)).build();
    }

    /** 403: a browser gets a page saying so (the header shows who is signed in and where they may go). */
    public static Uni<Response> forbidden(HttpServerRequest request, Response problem) {
        if (!browserWantsPage(request)) {
            return Uni.createFrom().item(problem);
        }
        return SignInPage.Templates.forbidden().createUni()
                .map(html -> Response.status(403).type("text/html;charset=UTF-8").entity(html).build());
    }

    static boolean browserWantsPage(HttpServerRequest request) {
        return EdgePages.wantsHtml(request.getHeader("Accept")) && !request.path().startsWith("/api/");
    }
}
