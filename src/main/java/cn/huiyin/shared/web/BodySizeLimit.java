package cn.huiyin.shared.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;


/**
 * Refuses an oversized appeal submission (API or form) before it is read, with a problem document. (The HTTP server's own limit,
 * {@code quarkus.http.limits.max-body-size}, still stops bodies that do not declare their length.)
 */
public class BodySizeLimit {

    /** Looked up at the first request: pre-matching filters are built before runtime configuration exists. */
    @Inject
    Instance<WebConfig> config;

    private final FirstUse<Long> maxBodyBytes = new FirstUse<>(() -> config.get().maxBodyBytes());

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/appeals") && !path.startsWith("/appeals")) {
            return null; // other bodies (call transcripts) may be larger; the server-wide limit still applies
        }
        int declared = request.getLength();
        long limit = maxBodyBytes.get();
        if (declared > limit) {
            return ProblemMappers.respond(Problem.of(413, "body-too-large", "Body too large",
                    "The body has " + declared + " bytes; at most " + limit + " are accepted")
                    .withField("body"));
        }
        return null;
    }
}
