package cn.huiyin.channel.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** {@code POST /api/v1/appeals}: an enterprise's appeal by web form or API. */
@Path("/api/v1/appeals")
public class AppealSubmissionResource {

    @Inject
    WebIntakeService intake;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(AppealSubmissionRequest body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        if (body == null) {
            return Uni.createFrom().failure(ProblemException.badRequest("body", "A JSON object is required"));
        }
        return caller.get().chain(who -> intake.submit(body.toDraft(), idempotencyKey, who))
                .map(receipt -> Response.accepted(receipt).location(URI.create(receipt.statusUrl())).build());
    }
}
