package cn.huiyin.shared.pages;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * What the header of every page shows ({@code inject:staffHeader.current} in {@code base.html}), so that no page
 * resource has to pass it: who is signed in, by the verified token alone, and the pages their role may open.
 * Asynchronous, because authentication is lazy and must not block the event loop.
 */
@Named("staffHeader")
@RequestScoped
public class StaffHeader {

    /** One page's header. {@code signedIn} false: a visitor, with the appellant's links and the staff sign-in. */
    public record View(boolean signedIn, String name, String roleName, String unitName,
            List<StaffNavigation.Page> links) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    UnitNames units;

    private Uni<View> current;

    public Uni<View> current() {
        if (current == null) {
            // a token that fails verification (expired, forged) leaves the visitor anonymous here; the pages that
            // need a caller refuse it themselves
            current = caller.get().chain(this::view)
                    .onFailure().recoverWithItem(StaffHeader::visitor)
                    .memoize().indefinitely();
        }
        return current;
    }

    private Uni<View> view(Caller who) {
        if (who.isAnonymous()) {
            return Uni.createFrom().item(visitor());
        }
        Uni<String> unitName = who.unitCode() == null ? Uni.createFrom().item("")
                : units.nameOf(who.unitCode()).onFailure().recoverWithItem(who.unitCode());
        return Uni.combine().all().unis(displayName(who), unitName).with((name, unit) -> new View(true, name,
                StaffNavigation.roleName(who.role()), unit, StaffNavigation.linksFor(who.role())));
    }

    /** The token's {@code name} claim, else the username. */
    private Uni<String> displayName(Caller who) {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                Object name = token.getClaim("name");
                String text = name instanceof JsonString json ? json.getString() : name == null ? null : name.toString();
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
            return who.username();
        });
    }

    private static View visitor() {
        return new View(false, null, null, null, StaffNavigation.linksFor(null));
    }
}
