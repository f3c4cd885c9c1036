package cn.huiyin.shared.security;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Which OIDC tenant checks a request. The default one (bearer tokens) checks the API and everything else, unless page
 * sign-in is on and the request is a page request of a browser signed in to, or signing in to, {@code staff} or
 * {@code enterprise}: the sign-in entry points {@code /signin/staff} and {@code /signin/enterprise} (where the provider
 * also sends the browser back) and any page request carrying that tenant's session cookie. A request with an
 * {@code Authorization} header is a client's, never a browser session's. The one API path a page's own script reads
 * (the work queue's live updates, an {@code EventSource} that cannot send a bearer token) also takes the session.
 * <p>
 * It always names a tenant: left without one, Quarkus would pick a tenant by the path's last segment (so
 * {@code /admin/staff} would go to {@code staff}) or by any session cookie (also on {@code /api/}).
 */
@ApplicationScoped
public class SignInTenants implements TenantResolver {

    public static final String STAFF = "staff";
    public static final String ENTERPRISE = "enterprise";

    /** API paths the pages' scripts read with the browser's session (GET only, read-only). */
    static final Set<String> PAGE_SCRIPT_APIS = Set.of("/api/v1/workqueue/live");

    /** The name Quarkus gives the tenant configured by {@code quarkus.oidc.*}. */
    public static final String DEFAULT = "Default";

    /** Quarkus names a tenant's session cookie {@code q_session_<tenant>} (longer ones go on in {@code _chunk_N}). */
    static final String SESSION_COOKIE_PREFIX = "q_session_";

    @ConfigProperty(name = SignInSwitch.ENABLED, defaultValue = "false")
    boolean signInEnabled;

    @Override
    public String resolve(RoutingContext context) {
        if (!signInEnabled) {
            return DEFAULT;
        }
        boolean bearer = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        boolean get = context.request().method() == HttpMethod.GET;
        return tenantOf(context.normalizedPath(), get, bearer, context.request().cookieMap().keySet());
    }

    /** The tenant for this request. */
    static String tenantOf(String path, boolean get, boolean bearer, Collection<String> cookieNames) {
        if (bearer || path == null) {
            return DEFAULT;
        }
        boolean api = path.equals("/api") || path.startsWith("/api/");
        if (api && !(get && PAGE_SCRIPT_APIS.contains(path))) {
            return DEFAULT;
        }
        if (path.equals(entryPoint(STAFF))) {
            return STAFF;
        }
        if (path.equals(entryPoint(ENTERPRISE))) {
            return ENTERPRISE;
        }
        if (hasSession(cookieNames, STAFF)) {
            return STAFF;
        }
        if (hasSession(cookieNames, ENTERPRISE)) {
            return ENTERPRISE;
        }
        return DEFAULT;
    }

    /** Where a browser starts signing in to a tenant, {@code ?to=} the local page to open after. */
    public static String entryPoint(String tenant) {
        return "/signin/" + tenant;
    }

    public static boolean isTenant(String name) {
        return STAFF.equals(name) || ENTERPRISE.equals(name);
    }

    private static boolean hasSession(Collection<String> cookieNames, String tenant) {
        return cookieNames.stream().anyMatch(cookie -> isSessionCookie(cookie, tenant));
    }

    /** Whether a cookie is (part of) a tenant's session cookie. */
    public static boolean isSessionCookie(String cookieName, String tenant) {
        String name = SESSION_COOKIE_PREFIX + tenant;
        return cookieName.equals(name) || cookieName.startsWith(name + "_chunk_");
    }
}
