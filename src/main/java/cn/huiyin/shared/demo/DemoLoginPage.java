package cn.huiyin.shared.demo;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/**
 * Demo mode only: {@code /demo/login/{username}?to=/desk/phone} signs a browser in as a demo user by setting
 * the token cookie the staff pages read. In production the OIDC provider's login sets it instead.
 */
@Path("/demo/login/{username}")
public class DemoLoginPage {

    @Inject
    DemoTokenResource tokens;

    @GET
    public Uni<Response> login(@RestPath String username, @RestQuery String to) {
        String target = to != null && to.startsWith("/") && !to.startsWith("//") ? to : "/";
        return tokens.mint(username).map(token -> Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder("huiyin_token").value(token.accessToken()).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).maxAge((int) token.expiresIn()).build())
                .build());
    }
}
