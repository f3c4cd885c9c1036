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

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.supervision.application.OrderView;
import cn.huiyin.supervision.application.SupervisionOrders;
import cn.huiyin.supervision.web.SupervisionResource.Answer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * A unit leader's supervision orders (督办单, Chinese): those waiting for the unit's written explanation first, each
 * with a form to answer it, then the answered ones with their history.
 */
@Path("/supervision/orders")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.UNIT_LEADER)
public class SupervisionOrdersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance orders(List<OrderView> orders, String focus, Map<String, String> errors,
                String notice);
    }

    private static final Map<String, String> WORDS = Map.of("explanation", "情况说明须为10至2000字，且不含控制字符");

    @Inject
    SupervisionOrders orders;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @GET
    public Uni<TemplateInstance> page(@RestQuery String ok) {
        return caller.get().chain(who -> page(who, null, Map.of(), SupervisionPageReplies.done(ok)));
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@RestPath String id, @RestForm String explanation) {
        String focus = "督办单 " + id;
        return caller.get().chain(who -> {
            if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
                return SupervisionPageReplies.render(page(who, focus, Map.of("form", SupervisionPageReplies.NOT_FOUND), null), 404);
            }
            Map<String, String> errors = SupervisionPageReplies.check(validator, new Answer(explanation), WORDS);
            if (!errors.isEmpty()) {
                return SupervisionPageReplies.render(page(who, focus, errors, null), 422);
            }
            long orderId = Long.parseLong(id);
            return orders.answer(orderId, explanation.strip(), who)
                    .map(outcome -> SupervisionProblems.answered(outcome, orderId))
                    .map(order -> SupervisionPageReplies.seeOther("/supervision/orders", "answered"))
                    .onFailure().recoverWithUni(failure -> SupervisionPageReplies.refused(failure,
                            refusal -> page(who, focus, refusal, null)));
        });
    }

    private Uni<TemplateInstance> page(Caller who, String focus, Map<String, String> errors, String notice) {
        return orders.ofUnit(who).map(list -> Templates.orders(list, focus, errors, notice));
    }
}
