package cn.huiyin.supervision.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.supervision.SupervisionConfig;
import cn.huiyin.supervision.application.DeskCursor;
import cn.huiyin.supervision.application.DeskPage;
import cn.huiyin.supervision.application.ExpectedLateList;
import cn.huiyin.supervision.application.OrderView;
import cn.huiyin.supervision.application.SupervisionDesk;
import cn.huiyin.supervision.application.SupervisionOrders;
import cn.huiyin.supervision.web.SupervisionResource.IssueOrder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The supervision desk page (督办台, Chinese) of the district centre: late and supervised appeals, the oldest breach
 * first, each with its ladder, its latest order (waiting, or answered with the unit's explanation) and a form to issue
 * a supervision order; the appeals expected late (预计超时), riskiest first; and the orders that climbed to the
 * district leader. The form goes through the same service, with the same field rules, as the JSON API, and carries
 * the page's {@code after} cursor so the supervisor comes back to the page they issued from.
 */
@Path("/supervision")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
public class SupervisionDeskPage {

    @CheckedTemplate
    static class Templates {
        /** {@code after}: this page's cursor, null on the first page. */
        static native TemplateInstance desk(DeskPage desk, String after, ExpectedLateList expectedLate,
                List<OrderView> escalated, String focus, Map<String, String> errors, String notice);
    }

    private static final Map<String, String> WORDS = Map.of(
            "demand", "督办要求须为5至1000字，且不含控制字符",
            "replyWorkingDays", "答复期限须为1至10个工作日");

    @Inject
    SupervisionDesk desk;

    @Inject
    SupervisionOrders orders;

    @Inject
    SupervisionConfig config;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @GET
    public Uni<TemplateInstance> page(@RestQuery String after, @RestQuery String ok) {
        return page(cursor(after), null, Map.of(), SupervisionPageReplies.done(ok));
    }

    /** {@code after} (in the form's action) is the cursor of the page the form is on; a malformed one means page 1. */
    @POST
    @Path("{trackingNo}/orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> issue(@RestPath String trackingNo, @RestQuery String after, @RestForm String demand,
            @RestForm String replyWorkingDays) {
        DeskCursor cursor = cursor(after);
        if (TrackingNumber.parse(trackingNo).isEmpty()) {
            return SupervisionPageReplies.render(page(cursor, trackingNo,
                    Map.of("form", SupervisionPageReplies.NOT_FOUND), null), 404);
        }
        IssueOrder form = new IssueOrder(demand, SupervisionPageReplies.number(replyWorkingDays));
        Map<String, String> errors = SupervisionPageReplies.check(validator, form, WORDS);
        if (!errors.isEmpty()) {
            return SupervisionPageReplies.render(page(cursor, trackingNo, errors, null), 422);
        }
        return caller.get()
                .chain(who -> orders.issue(trackingNo, demand.strip(), form.replyWorkingDays(), who))
                .map(outcome -> SupervisionProblems.issued(outcome, trackingNo))
                .map(order -> SupervisionPageReplies.seeOther(deskPath(cursor), "issued"))
                .onFailure().recoverWithUni(failure -> SupervisionPageReplies.refused(failure,
                        refusal -> page(cursor, trackingNo, refusal, null)));
    }

    private Uni<TemplateInstance> page(DeskCursor cursor, String focus, Map<String, String> errors, String notice) {
        return Uni.combine().all().unis(desk.page(cursor, config.deskPageSize()),
                desk.expectedLate(config.expectedLateShown()), orders.escalated())
                .with((lines, expectedLate, escalated) -> Templates.desk(lines, afterParam(cursor), expectedLate,
                        escalated, focus, errors, notice));
    }

    private static DeskCursor cursor(String after) {
        return after == null ? DeskCursor.START : DeskCursor.parse(after).orElse(DeskCursor.START);
    }

    /** Only a parsed cursor goes back into a link or a redirect (digits and a dot), never the text as typed. */
    private static String afterParam(DeskCursor cursor) {
        return DeskCursor.START.equals(cursor) ? null : cursor.toString();
    }

    private static String deskPath(DeskCursor cursor) {
        String after = afterParam(cursor);
        return after == null ? "/supervision" : "/supervision?after=" + after;
    }
}
