package cn.huiyin.shared.demo;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Demo mode only: {@code /demo/login/{username}?to=/desk/phone} signs a browser in as a demo user by setting
 * the token cookie the staff pages read while the demo key verifies tokens (DemoTokenCookie). In production the
 * pages sign in through the OIDC provider ({@code /signin/staff}) and this cookie signs nobody in.
 */
@Path("/demo/login/{username}")
public class DemoLoginPage {

    static final int MAX_TARGET_LENGTH = 512;

    @Inject
    DemoTokenResource tokens;

    @GET
    public Uni<Response> login(@RestPath String username, @RestQuery String to, @Context HttpServerRequest request) {
        URI target = localTarget(to);
        // Secure over https (also behind a proxy, once Quarkus is told to trust its X-Forwarded-Proto)
        boolean https = "https".equalsIgnoreCase(request.scheme());
        return tokens.mint(username).map(token -> Response.seeOther(target)
                .cookie(new NewCookie.Builder("huiyin_token").value(token.accessToken()).path("/").httpOnly(true)
                        .secure(https).sameSite(NewCookie.SameSite.LAX).maxAge((int) token.expiresIn()).build())
                .build());
    }

    /**
     * {@code to} when it is a path on this site, otherwise {@code /}. Browsers read {@code //host} and {@code /\host}
     * as another site, so only one leading slash, printable ASCII without backslash or spaces (no CR/LF to split the
     * header), of bounded length, that is also a valid URI reference.
     */
    public static URI localTarget(String to) {
        URI home = URI.create("/");
        if (to == null || to.isEmpty() || to.length() > MAX_TARGET_LENGTH || to.charAt(0) != '/'
                || (to.length() > 1 && (to.charAt(1) == '/' || to.charAt(1) == '\\'))) {
            return home;
        }
        for (int i = 0; i < to.length(); i++) {
            char c = to.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\') {
                return home;
            }
        }
        try {
            URI uri = new URI(to);
            // a valid reference with a scheme or host is not a local path, whatever it starts with
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : home;
        } catch (URISyntaxException e) {
            return home;
        }
    }
}
