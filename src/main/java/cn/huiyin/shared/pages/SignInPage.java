package cn.huiyin.shared.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.shared.demo.DemoDirectory;
import cn.huiyin.shared.demo.DemoLoginPage;
import cn.huiyin.shared.security.SignInSwitch;
import cn.huiyin.shared.security.SignInTenants;
import cn.huiyin.shared.web.CsrfField;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in and sign-out (Chinese). With an OIDC provider configured (HUIYIN_OIDC_URL) the sign-in page offers the
 * district's unified sign-in (统一身份认证), for staff and for enterprises: {@code /signin/staff?to=/workqueue} runs
 * the authorization code flow of the tenant {@code staff} and then opens {@code to}. In demo mode it also lists the demo
 * users, each a link to the demo login. Sign-out clears the demo token cookie and ends an OIDC session at the provider
 * too (RP-initiated logout on {@code /signout/staff} or {@code /signout/enterprise}).
 */
@Path("/")
public class SignInPage {

    static final String TOKEN_COOKIE = "huiyin_token";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(String to, String toLabel, boolean demo, List<DemoGroup> groups,
                boolean unified, String staffHref, String enterpriseHref);

        static native TemplateInstance signingOut(String next);

        static native TemplateInstance forbidden();
    }

    /** The demo users of one role, as listed. */
    public record DemoGroup(String roleName, List<DemoLink> users) {
    }

    public record DemoLink(String href, String name, String username) {
    }

    @Inject
    DemoDirectory demo;

    @ConfigProperty(name = SignInSwitch.ENABLED, defaultValue = "false")
    boolean unifiedSignIn;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest request;

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signIn(@RestQuery String to) {
        String target = localTarget(to);
        StaffNavigation.Page page = target == null ? null : StaffNavigation.pageOf(target);
        String suffix = target == null ? "" : "?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        List<DemoGroup> groups = demo.groups().stream()
                .map(group -> new DemoGroup(StaffNavigation.roleName(group.role()), group.users().stream()
                        .map(user -> new DemoLink("/demo/login/" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8)
                                + suffix, user.displayName(), user.username()))
                        .toList()))
                .toList();
        return Templates.signin(target, page == null ? target : page.label(), demo.enabled(), groups, unifiedSignIn,
                SignInTenants.entryPoint(SignInTenants.STAFF) + suffix,
                SignInTenants.entryPoint(SignInTenants.ENTERPRISE) + suffix);
    }

    /**
     * The unified sign-in's entry point for a tenant: a browser signed in to it goes on to {@code to}; any other is
     * sent to the provider, which sends it back here (the tenant's redirect URI) and Quarkus then back here once more
     * with the session cookie and the original {@code ?to=}.
     */
    @GET
    @Path("signin/{tenant}")
    public Uni<Response> signInWith(@RestPath String tenant, @RestQuery String to) {
        if (!unifiedSignIn || !SignInTenants.isTenant(tenant)) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        String target = localTarget(to);
        return identities.getDeferredIdentity()
                // an ended or unreadable session: Quarkus has removed its cookie, so sign in anew
                .onFailure(AuthenticationFailedException.class).recoverWithItem((SecurityIdentity) null)
                .chain(identity -> identity == null || identity.isAnonymous() ? challenge()
                        : Uni.createFrom().item(Response.seeOther(URI.create(target == null ? "/" : target)).build()));
    }

    /** The redirect to the provider's sign-in, as the tenant's code flow makes it (with its state cookie). */
    private Uni<Response> challenge() {
        RoutingContext rc = request.getCurrent();
        HttpAuthenticator authenticator = rc.get(HttpAuthenticator.class.getName());
        return authenticator.getChallenge(rc).map(SignInPage::response);
    }

    private static Response response(ChallengeData challenge) {
        Response.ResponseBuilder response = Response.status(challenge.status);
        for (Map.Entry<CharSequence, String> header : challenge.getHeaders().entrySet()) {
            response.header(header.getKey().toString(), header.getValue());
        }
        return response.build();
    }

    /**
     * Signs the browser out: clears the demo token cookie and the anti-forgery cookie and, with an OIDC session, goes
     * on to that tenant's logout path. Not by a redirect: the pages' Content-Security-Policy ({@code form-action 'self'})
     * would stop this form's post from being redirected on to the provider, so a short page moves the browser there
     * instead. The logout path ends one tenant's session, so a browser signed in to both loses the other's cookie here.
     */
    @POST
    @Path("signout")
    public Uni<Response> signOut() {
        RoutingContext rc = request.getCurrent();
        List<NewCookie> cleared = new ArrayList<>();
        cleared.add(expired(TOKEN_COOKIE));
        String tenant = unifiedSignIn ? sessionTenant() : null;
        if (rc != null) {
            CsrfField.end(rc);
            for (String name : rc.request().cookieMap().keySet()) {
                if (isOtherSession(name, tenant)) {
                    cleared.add(expired(name));
                }
            }
        }
        NewCookie[] cookies = cleared.toArray(NewCookie[]::new);
        if (tenant == null) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/")).cookie(cookies).build());
        }
        String next = "/signout/" + tenant;
        return Templates.signingOut(next).createUni().map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Refresh", "0; url=" + next).cookie(cookies).build());
    }

    /** A session cookie ({@code q_session_<tenant>}, its chunks) of a tenant other than the one signing out there. */
    private static boolean isOtherSession(String cookieName, String tenant) {
        for (String other : List.of(SignInTenants.STAFF, SignInTenants.ENTERPRISE)) {
            String name = "q_session_" + other;
            if (!other.equals(tenant) && (cookieName.equals(name) || cookieName.startsWith(name + "_"))) {
                return true;
            }
        }
        return false;
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                .maxAge(0).expiry(new Date(0)).build();
    }

    /**
     * A tenant's logout path ({@code quarkus.oidc.<tenant>.logout.path}): asking who the caller is lets the tenant's
     * code flow see it, end the session here and send the browser to the provider's end-session endpoint, which sends
     * it back to {@code /signin}. Without a session there is nothing to end.
     */
    @GET
    @Path("signout/{tenant}")
    public Uni<Response> signOutOf(@RestPath String tenant) {
        Response home = Response.seeOther(URI.create("/signin")).build();
        if (!unifiedSignIn || !SignInTenants.isTenant(tenant)) {
            return Uni.createFrom().item(home);
        }
        return identities.getDeferredIdentity().map(identity -> home)
                .onFailure(AuthenticationFailedException.class).recoverWithItem(home);
    }

    /** The tenant whose session cookie the request carries, if any. */
    private String sessionTenant() {
        RoutingContext rc = request.getCurrent();
        if (rc == null) {
            return null;
        }
        for (String tenant : List.of(SignInTenants.STAFF, SignInTenants.ENTERPRISE)) {
            for (Cookie cookie : rc.request().cookies()) {
                if (SignInTenants.isSessionCookie(cookie.getName(), tenant)) {
                    return tenant;
                }
            }
        }
        return null;
    }

    /** {@code to} when it is a path on this site other than the home page, else null. */
    static String localTarget(String to) {
        String target = DemoLoginPage.localTarget(to).toString();
        return "/".equals(target) ? null : target;
    }
}
