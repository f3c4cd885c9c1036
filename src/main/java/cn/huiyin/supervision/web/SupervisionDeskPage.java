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
import cn.huiyin.supervision.application.OrderView;
import cn.huiyin.supervision.application.SupervisionDesk;
import cn.huiyin.supervision.application.SupervisionOrders;
import cn.huiyin.supervision.web.SupervisionResource.IssueOrder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The supervision desk page (督办台, Chinese) of the district centre: late and supervised appeals, the oldest breach
 * first, each with its ladder and a form to issue a supervision order; and the orders that climbed to the district
 * leader. The form goes through the same service, with the same field rules, as the JSON API.
 */
@Path("/supervision")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
public class SupervisionDeskPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(DeskPage desk, List<OrderView> escalated, String focus,
                Map<String, String> errors, String notice);
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
        DeskCursor cursor = after == null ? DeskCursor.START : DeskCursor.parse(after).orElse(DeskCursor.START);
        return page(cursor, null, Map.of(), SupervisionPageReplies.done(ok));
    }

    @POST
    @Path("{trackingNo}/orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> issue(@RestPath String trackingNo, @RestForm String demand, @RestForm String replyWorkingDays) {
        if (TrackingNumber.parse(trackingNo).isEmpty()) {
            return SupervisionPageReplies.render(page(DeskCursor.START, trackingNo,
                    Map.of("form", SupervisionPageReplies.NOT_FOUND), null), 404);
        }
        IssueOrder form = new IssueOrder(demand, SupervisionPageReplies.number(replyWorkingDays));
        Map<String, String> errors = SupervisionPageReplies.check(validator, form, WORDS);
        if (!errors.isEmpty()) {
            return SupervisionPageReplies.render(page(DeskCursor.START, trackingNo, errors, null), 422);
        }
        return caller.get()
                .chain(who -> orders.issue(trackingNo, demand.strip(), form.replyWorkingDays(), who))
                .map(outcome -> SupervisionProblems.issued(outcome, trackingNo))
                .map(order -> SupervisionPageReplies.seeOther("/supervision", "issued"))
                .onFailure().recoverWithUni(failure -> SupervisionPageReplies.refused(failure,
                        refusal -> page(DeskCursor.START, trackingNo, refusal, null)));
    }

    private Uni<TemplateInstance> page(DeskCursor cursor, String focus, Map<String, String> errors, String notice) {
        return Uni.combine().all().unis(desk.page(cursor, config.deskPageSize()), orders.escalated())
                .with((lines, escalated) -> Templates.desk(lines, escalated, focus, errors, notice));
    }
}
