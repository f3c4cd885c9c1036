package cn.huiyin.shared.demo;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.demo.persistence.DemoDirectoryRepository;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.mutiny.Uni;

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
    DemoDirectoryRepository directory;

    /** The issuer the demo key's tokens name (quarkus.oidc.token.issuer in demo mode and tests). */
    @ConfigProperty(name = "huiyin.oidc.demo-issuer", defaultValue = "https://huiyin.demo/issuer")
    String issuer;

    /** The audience bearer tokens must name, as a Keycloak token names huiyin-api. */
    @ConfigProperty(name = "quarkus.oidc.token.audience", defaultValue = "huiyin-api")
    List<String> audience;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DemoToken> mint(@RestPath String username) {
        if (!config.enabled()) {
            return Uni.createFrom().failure(ProblemException.notFound("This endpoint"));
        }
        return directory.staffMember(username)
                .map(found -> {
                    DemoDirectoryRepository.StaffMember user = found
                            .orElseThrow(() -> ProblemException.notFound("Demo user " + username));
                    JwtClaimsBuilder claims = Jwt.issuer(issuer).audience(new HashSet<>(audience)).upn(user.username())
                            .subject(user.username()).claim("name", user.displayName())
                            .groups(Set.of(user.role())).expiresIn(LIFETIME);
                    if (user.unitCode() != null) {
                        claims.claim("unit", user.unitCode());
                    }
                    if (user.uscc() != null) {
                        claims.claim("uscc", user.uscc());
                    }
                    return new DemoToken(claims.sign(), "Bearer", LIFETIME.toSeconds(), user.role());
                });
    }
}
