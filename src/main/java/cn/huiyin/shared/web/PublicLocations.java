package cn.huiyin.shared.web;

import java.net.URI;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A {@code Location} the service gives (after a submission, a sign-in, a form) starts with the configured public
 * address, never with whatever {@code Host} the request claimed: a forged {@code Host} must not steer a browser away.
 */
public class PublicLocations {

    /** Looked up at the first response: filters are built before runtime configuration exists. */
    @Inject
    Instance<EdgeConfig> config;

    private final FirstUse<String> publicBaseUrl = new FirstUse<>(() -> config.get().publicBaseUrl().orElse(""));

    @ServerResponseFilter
    public void publicLocation(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = URI.create(location.toString());
        URI requested = request.getUriInfo().getBaseUri();
        boolean ours = !uri.isAbsolute() || (uri.getRawAuthority() != null
                && uri.getRawAuthority().equalsIgnoreCase(requested.getRawAuthority()));
        if (ours) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, publicUri(publicBaseUrl.get(), uri));
        }
    }

    /** The path and query of {@code local} on the public address (relative when there is none). */
    static URI publicUri(String publicBaseUrl, URI local) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        String path = local.getRawPath() == null || local.getRawPath().isEmpty() ? "/" : local.getRawPath();
        String query = local.getRawQuery() == null ? "" : "?" + local.getRawQuery();
        return URI.create(base + (path.startsWith("/") ? path : "/" + path) + query);
    }
}
