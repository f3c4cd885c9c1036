package cn.huiyin.evaluation.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.evaluation.application.ReturnVisitService;
import cn.huiyin.evaluation.persistence.ReturnVisitRepository.Due;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/return-visits}: the rounds the district centre should call back, most urgent first. */
@Path("/api/v1/return-visits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISPATCHER)
public class ReturnVisitQueueResource {

    @Inject
    ReturnVisitService visits;

    @GET
    public Uni<List<Due>> queue(@RestQuery Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 200) {
            throw RatingInput.invalid("limit", "limit is 1 to 200");
        }
        return visits.queue(size);
    }
}
