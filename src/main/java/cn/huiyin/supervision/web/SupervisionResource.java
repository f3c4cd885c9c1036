package cn.huiyin.supervision.web;

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

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.supervision.application.DeskCursor;
import cn.huiyin.supervision.application.DeskPage;
import cn.huiyin.supervision.application.ExpectedLateList;
import cn.huiyin.supervision.application.OrderView;
import cn.huiyin.supervision.application.SupervisionDesk;
import cn.huiyin.supervision.application.SupervisionOrders;
import io.smallrye.mutiny.Uni;

/**
 * The supervision desk's API: the district centre (dispatchers, the district leader) reads the late appeals and
 * issues supervision orders; the holding unit's leader reads and answers its orders.
 */
@Path("/api/v1/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    static final String BODY_REQUIRED = "is required: a JSON object";
    static final String REPLY_DAYS = "is 1 to 10 (working days)";
    private static final String LIMIT = "is 1 to 200";

    /** A supervision order: what the unit must explain, and in how many working days. */
    public record IssueOrder(@FreeText(min = 5, max = 1000) String demand,
            @NotNull(message = REPLY_DAYS) @Min(value = 1, message = REPLY_DAYS) @Max(value = 10, message = REPLY_DAYS) Integer replyWorkingDays) {
    }

    /** The unit leader's written explanation (情况说明). */
    public record Answer(@FreeText(min = 10, max = 2000) String explanation) {
    }

    @Inject
    SupervisionDesk desk;

    @Inject
    SupervisionOrders orders;

    @Inject
    CurrentCaller caller;

    /** Late appeals, oldest breach first; {@code after} is the previous page's {@code next}. */
    @GET
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
    public Uni<DeskPage> desk(
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) int limit,
            @QueryParam("after") String after) {
        DeskCursor cursor = after == null ? DeskCursor.START : DeskCursor.parse(after)
                .orElseThrow(() -> ProblemException.badRequest("after", "after is the next cursor of an earlier page"));
        return desk.page(cursor, limit);
    }

    /** Appeals expected late (预计超时) and not on the late list, riskiest first. */
    @GET
    @Path("expected-late")
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
    public Uni<ExpectedLateList> expectedLate(
            @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) int limit) {
        return desk.expectedLate(limit);
    }

    /** Orders not answered by their deadline, now the district leader's to follow. */
    @GET
    @Path("escalated")
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER, Roles.AUDITOR }) // each order with its history: the auditor reads it
    public Uni<List<OrderView>> escalated() {
        return orders.escalated();
    }

    @POST
    @Path("{trackingNo}/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
    public Uni<OrderView> issue(@RestPath String trackingNo, @NotNull(message = BODY_REQUIRED) @Valid IssueOrder body) {
        if (TrackingNumber.parse(trackingNo).isEmpty()) {
            throw ProblemException.notFound("Appeal " + trackingNo);
        }
        return caller.get().chain(who -> orders.issue(trackingNo, body.demand().strip(), body.replyWorkingDays(), who))
                .map(outcome -> SupervisionProblems.issued(outcome, trackingNo));
    }

    /** The caller's unit's orders, those waiting for an answer first. */
    @GET
    @Path("orders")
    @RolesAllowed(Roles.UNIT_LEADER)
    public Uni<List<OrderView>> unitOrders() {
        return caller.get().chain(orders::ofUnit);
    }

    @POST
    @Path("orders/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNIT_LEADER)
    public Uni<OrderView> answer(@RestPath long id, @NotNull(message = BODY_REQUIRED) @Valid Answer body) {
        return caller.get().chain(who -> orders.answer(id, body.explanation().strip(), who))
                .map(outcome -> SupervisionProblems.answered(outcome, id));
    }
}
