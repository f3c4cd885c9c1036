package cn.huiyin.sla.web;

import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.application.ClockView;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.ClockExtensions;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/appeals/{trackingNo}/clocks/{clock}/extension}: records an approved extension (延期)
 * of a running clock. Approvers: a dispatcher, or the leader of the unit that holds the appeal.
 */
@Path("/api/v1/appeals/{trackingNo}/clocks/{clock}/extension")
public class ClockExtensionResource {

    public record ExtensionRequest(Integer workingDays, String reason) {
    }

    @Inject
    AppealQueryService appeals;

    @Inject
    ClockExtensions clocks;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISPATCHER, Roles.UNIT_LEADER })
    public Uni<ClockView> extend(@RestPath String trackingNo, @RestPath String clock, ExtensionRequest body) {
        ClockKind kind = parse(clock);
        if (body == null || body.workingDays() == null) {
            throw ProblemException.badRequest("workingDays", "workingDays is required");
        }
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 500) {
            throw ProblemException.badRequest("reason", "A reason of 1 to 500 characters is required");
        }
        return caller.get().chain(who -> appeals.locate(trackingNo).chain(appeal -> {
            if (who.hasRole(Roles.UNIT_LEADER) && !Objects.equals(who.unitCode(), appeal.handlingUnit())) {
                // as in the views: another unit's appeal is "not found", so numbers cannot be probed
                throw ProblemException.notFound("Appeal " + trackingNo);
            }
            return clocks.extend(appeal.id(), kind, body.workingDays(), who.actor(), body.reason().strip());
        }));
    }

    private static ClockKind parse(String clock) {
        try {
            ClockKind kind = ClockKind.valueOf(clock);
            if (!kind.escalates()) {
                throw ProblemException.badRequest("clock", clock + " cannot be extended");
            }
            return kind;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("clock", "clock is RESPOND, HANDLE, FEEDBACK or REWORK");
        }
    }
}
