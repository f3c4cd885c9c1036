package cn.huiyin.shared.demo;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.web.ProblemException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Demo mode only: {@code POST /api/v1/demo/tokens/{username}} mints a bearer token for a seeded demo user.
 * In production the tokens come from the OIDC provider and this endpoint answers 404.
 */
@Path("/api/v1/demo/tokens/{username}")
public class DemoTokenResource {

    public record DemoToken(String accessToken, String tokenType, long expiresIn, String role) {
    }

    private static final Duration LIFETIME = Duration.ofHours(8);

    @Inject
    DemoConfig config;

    @Inject
    Pool pool;

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://huiyin.demo/issuer")
    String issuer;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DemoToken> mint(@RestPath String username) {
        if (!config.enabled()) {
            return Uni.createFrom().failure(ProblemException.notFound("This endpoint"));
        }
        return pool.preparedQuery("SELECT username, display_name, role, unit_code, uscc FROM staff_member WHERE username = $1")
                .execute(Tuple.of(username))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("Demo user " + username);
                    }
                    Row user = rows.iterator().next();
                    JwtClaimsBuilder claims = Jwt.issuer(issuer).upn(user.getString("username"))
                            .subject(user.getString("username")).claim("name", user.getString("display_name"))
                            .groups(Set.of(user.getString("role"))).expiresIn(LIFETIME);
                    if (user.getString("unit_code") != null) {
                        claims.claim("unit", user.getString("unit_code"));
                    }
                    if (user.getString("uscc") != null) {
                        claims.claim("uscc", user.getString("uscc"));
                    }
                    return new DemoToken(claims.sign(), "Bearer", LIFETIME.toSeconds(), user.getString("role"));
                });
    }
}
