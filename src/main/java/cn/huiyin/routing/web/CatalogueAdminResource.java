package cn.huiyin.routing.web;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.routing.application.CatalogueAdmin;
import cn.huiyin.routing.domain.CatalogueLine;
import cn.huiyin.routing.persistence.CatalogueVersionRepository;
import cn.huiyin.routing.persistence.CatalogueVersionRepository.Version;
import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Administrators keep the dispatch catalogue: versioned lines with their history and pending changes. */
@Path("/api/v1/admin/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CatalogueAdminResource {

    public record LineRequest(String name, String unitRule, Integer urgentHours, String keywords, String effectiveFrom,
            String reason) {
    }

    @Inject
    CatalogueAdmin admin;

    @Inject
    CatalogueVersionRepository versions;

    @Inject
    CurrentCaller caller;

    /** Adds a version of the category's line (a new category the first time), in force now or from effectiveFrom. */
    @PUT
    @Path("{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Version> change(@RestPath String category, LineRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("name", "A catalogue line needs name, unitRule and reason");
        }
        Instant effectiveFrom = body.effectiveFrom() == null ? null : Timestamps.parse(body.effectiveFrom())
                .orElseThrow(() -> ProblemException.badRequest("effectiveFrom",
                        "effectiveFrom is an ISO-8601 instant in years 1-9999, e.g. 2027-01-01T00:00:00+08:00"));
        CatalogueLine line = new CatalogueLine(category, body.name(), body.unitRule(), body.urgentHours(), body.keywords(),
                effectiveFrom, body.reason());
        return caller.get().chain(who -> admin.change(line, who));
    }

    /** Every version of the category, oldest first: who changed what, when, why, and when it took effect. */
    @GET
    @Path("{category}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR }) // an audit trail: the auditor reads it too
    public Uni<List<Version>> history(@RestPath String category) {
        return versions.history(category).invoke(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Category " + category);
            }
        });
    }

    /** Changes dated ahead, not in force yet. */
    @GET
    @Path("pending")
    public Uni<List<Version>> pending() {
        return versions.pending();
    }
}
