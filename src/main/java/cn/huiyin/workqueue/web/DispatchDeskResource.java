package cn.huiyin.workqueue.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.DispatchDesk;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.ExtensionDecision;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.OpenRequest;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.Waiting;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/** The dispatcher's desk: what waits for a person, and the decisions only a dispatcher takes. */
@Path("/api/v1/dispatch")
@Produces(MediaType.APPLICATION_JSON)
public class DispatchDeskResource {

    public record Placement(String category, String unit) {
    }

    public record ReturnDecision(Boolean accept, String toUnit, String reason) {
    }

    public record Merge(String parent) {
    }

    public record Decision(Boolean approve, String note) {
    }

    @Inject
    DispatchDesk desk;

    @Inject
    DispatchDeskRepository waiting;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("queue")
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<List<Waiting>> queue(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("limit", "limit is 1 to 500");
        }
        return waiting.waiting(limit);
    }

    @POST
    @Path("appeals/{trackingNo}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<Moved> dispatch(@RestPath String trackingNo, Placement body) {
        String category = Fields.code("category", body == null ? null : body.category());
        String unit = body.unit() == null ? null : Fields.code("unit", body.unit());
        return caller.get().chain(who -> desk.dispatch(trackingNo, who, category, unit));
    }

    @POST
    @Path("appeals/{trackingNo}/return-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<Moved> decideReturn(@RestPath String trackingNo, ReturnDecision body) {
        if (body == null || body.accept() == null) {
            throw ProblemException.badRequest("accept", "accept is true (re-dispatch) or false (send it back)");
        }
        String toUnit = body.accept() ? Fields.code("toUnit", body.toUnit()) : null;
        String reason = Fields.required("reason", body.reason(), 2, 500);
        return caller.get().chain(who -> desk.decideReturn(trackingNo, who, body.accept(), toUnit, reason));
    }

    @POST
    @Path("appeals/{trackingNo}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<Moved> merge(@RestPath String trackingNo, Merge body) {
        if (body == null || body.parent() == null) {
            throw ProblemException.badRequest("parent", "parent is the tracking number of the appeal this one duplicates");
        }
        return caller.get().chain(who -> desk.merge(trackingNo, who, body.parent()));
    }

    public record Helper(String unit) {
    }

    @POST
    @Path("appeals/{trackingNo}/helpers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISPATCHER, Roles.UNIT_LEADER })
    public Uni<Moved> addHelper(@RestPath String trackingNo, Helper body) {
        String unit = Fields.code("unit", body == null ? null : body.unit());
        return caller.get().chain(who -> desk.addHelper(trackingNo, who, unit));
    }

    @GET
    @Path("extension-requests")
    @RolesAllowed({ Roles.DISPATCHER, Roles.UNIT_LEADER })
    public Uni<List<OpenRequest>> extensionRequests() {
        return caller.get().chain(who -> {
            if (!who.hasRole(Roles.DISPATCHER) && who.unitCode() == null) {
                throw new ForbiddenException(); // a unit leader's token must name the unit
            }
            return waiting.openRequests(who.hasRole(Roles.DISPATCHER) ? null : who.unitCode());
        });
    }

    @POST
    @Path("extension-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISPATCHER, Roles.UNIT_LEADER })
    public Uni<ExtensionDecision> decideExtension(@RestPath long id, Decision body) {
        if (body == null || body.approve() == null) {
            throw ProblemException.badRequest("approve", "approve is true or false");
        }
        String note = Fields.optional("note", body.note(), 500);
        return caller.get().chain(who -> desk.decideExtension(id, who, body.approve(), note));
    }
}
