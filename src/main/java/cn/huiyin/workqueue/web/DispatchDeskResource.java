package cn.huiyin.workqueue.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.validation.UnitCode;
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

    /** A placement: the category decides the unit, except where the catalogue leaves the unit to the dispatcher. */
    public record Placement(@UnitCode(message = "is a category code of the catalogue, such as TAX_SERVICE") String category,
            @UnitCode(optional = true) String unit) {
    }

    /** Accepting a return names the unit it goes to instead ({@code toUnit}, checked by the desk). */
    public record ReturnDecision(@NotNull(message = "is true (re-dispatch) or false (send it back)") Boolean accept,
            @UnitCode(optional = true) String toUnit, @FreeText(min = 2, max = 500) String reason) {
    }

    /** The parent's tracking number is checked by the desk, which names a malformed one {@code trackingNo}. */
    public record Merge(@NotNull(message = "is the tracking number of the appeal this one duplicates") String parent) {
    }

    public record Decision(@NotNull(message = "is true or false") Boolean approve,
            @FreeText(max = 500, optional = true) String note) {
    }

    private static final String LIMIT = "is 1 to 500";

    @Inject
    DispatchDesk desk;

    @Inject
    DispatchDeskRepository waiting;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("queue")
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<List<Waiting>> queue(
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = LIMIT) @Max(value = 500, message = LIMIT) int limit,
            @QueryParam("after") String after) {
        return waiting.waiting(DeskCursor.after(after), limit);
    }

    @POST
    @Path("appeals/{trackingNo}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<Moved> dispatch(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Placement body) {
        String unit = Checked.optional(body.unit());
        return caller.get().chain(who -> desk.dispatch(trackingNo, who, body.category(), unit));
    }

    @POST
    @Path("appeals/{trackingNo}/return-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<Moved> decideReturn(@RestPath String trackingNo,
            @NotNull(message = Checked.BODY_REQUIRED) @Valid ReturnDecision body) {
        String toUnit = body.accept() ? Checked.optional(body.toUnit()) : null;
        if (body.accept() && toUnit == null) {
            throw ProblemException.badRequest("toUnit", "toUnit names the unit to re-dispatch to when accept is true");
        }
        String reason = Checked.text(body.reason());
        return caller.get().chain(who -> desk.decideReturn(trackingNo, who, body.accept(), toUnit, reason));
    }

    @POST
    @Path("appeals/{trackingNo}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    public Uni<Moved> merge(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Merge body) {
        return caller.get().chain(who -> desk.merge(trackingNo, who, body.parent()));
    }

    public record Helper(@UnitCode String unit) {
    }

    @POST
    @Path("appeals/{trackingNo}/helpers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISPATCHER, Roles.UNIT_LEADER })
    public Uni<Moved> addHelper(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Helper body) {
        return caller.get().chain(who -> desk.addHelper(trackingNo, who, body.unit()));
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
    public Uni<ExtensionDecision> decideExtension(@RestPath long id,
            @NotNull(message = Checked.BODY_REQUIRED) @Valid Decision body) {
        String note = Checked.optional(body.note());
        return caller.get().chain(who -> desk.decideExtension(id, who, body.approve(), note));
    }
}
