package cn.huiyin.shared.security;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.huiyin.shared.domain.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Reads the verified token of the current request into a {@link Caller}: the API's bearer access token, or the ID token
 * of a page's OIDC session (both are {@link JsonWebToken}s, verified by Quarkus OIDC; roles from {@code groups}).
 * Authentication is lazy (only where asked for), so the identity is resolved without blocking the event loop.
 */
@RequestScoped
public class CurrentCaller {

    /** When a token carries several roles, the most capable one decides what it may see. */
    private static final List<String> PRECEDENCE = List.of(Roles.ADMIN,
            // the separated system roles (等保三级) before every business role: a token that carries both is a realm
            // mistake, and the pages and services then take the caller for the system role
            Roles.SECURITY_ADMIN, Roles.AUDITOR,
            Roles.DISTRICT_LEADER, Roles.DISPATCHER, Roles.UNIT_LEADER, Roles.COMMISSIONER, Roles.AGENT, Roles.ENTERPRISE);

    @Inject
    CurrentIdentityAssociation identities;

    public Uni<Caller> get() {
        return identities.getDeferredIdentity().map(CurrentCaller::caller);
    }

    private static Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        String role = PRECEDENCE.stream().filter(identity::hasRole).findFirst().orElse(null);
        if (role == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Caller.anonymous();
        }
        return new Caller(token.getName(), role, claim(token, "unit"), claim(token, "uscc"));
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
