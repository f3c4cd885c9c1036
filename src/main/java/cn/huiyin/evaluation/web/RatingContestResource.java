package cn.huiyin.evaluation.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.evaluation.application.RatingContestService;
import cn.huiyin.evaluation.application.RatingContestService.ContestState;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;

/** Rating appeals (申诉复核): the handling unit contests a bad rating, the district decides. */
@Path("/api/v1/appeals/{trackingNo}/evaluation/rounds/{round}/contest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RatingContestResource {

    public record Contest(String reason) {
    }

    public record Decision(Boolean upheld, String reason) {
    }

    @Inject
    RatingContestService contests;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
    public Uni<ContestState> contest(@RestPath String trackingNo, @RestPath int round, Contest body) {
        String reason = reason(body == null ? null : body.reason());
        return caller.get().chain(who -> contests.contest(trackingNo, round, reason, who));
    }

    @POST
    @Path("decision")
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
    public Uni<ContestState> decide(@RestPath String trackingNo, @RestPath int round, Decision body) {
        if (body == null || body.upheld() == null) {
            throw RatingInput.invalid("upheld", "Say whether the contest is upheld (true or false)");
        }
        String reason = reason(body.reason());
        return caller.get().chain(who -> contests.decide(trackingNo, round, body.upheld(), reason, who));
    }

    /** A reason is required: 5 to 500 characters. */
    private static String reason(String text) {
        String reason = RatingInput.checkedText("reason", text);
        if (reason == null || reason.codePointCount(0, reason.length()) < 5) {
            throw RatingInput.invalid("reason", "Give a reason of 5 to 500 characters");
        }
        return reason;
    }
}
