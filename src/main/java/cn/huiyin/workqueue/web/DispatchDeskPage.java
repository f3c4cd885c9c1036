package cn.huiyin.workqueue.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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


import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.workqueue.application.DispatchDesk;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.OpenRequest;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.Waiting;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The dispatcher's desk page (派单台, Chinese): appeals routing could not place, with its best guesses for a
 * one-click dispatch; appeals a unit returned, to re-dispatch or send back; merging duplicates; and open
 * extension requests. Refreshed live from the desk's updates; forms post and redirect like the work queue.
 */
@Path("/dispatch")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DISPATCHER)
public class DispatchDeskPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(List<Line> waiting, List<OpenRequest> requests, List<Category> categories,
                List<WorkQueuePages.Unit> units, Map<String, String> unitNames, String focus, Map<String, String> errors,
                String notice);
    }

    /** A category of the catalogue; {@code unitName} null when the dispatcher names the unit. */
    public record Category(String code, String name, String unitName) {
    }

    /** A suggestion of the classifier for one waiting appeal, with its confidence in percent. */
    public record Hint(Category category, long percent) {
    }

    public record Line(Waiting appeal, String statusLabel, String returnedByName, List<Hint> hints) {
    }

    private static final int TOP = 3;

    @Inject
    DispatchDesk desk;

    @Inject
    DispatchDeskRepository waiting;

    @Inject
    Catalogues catalogue;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<TemplateInstance> desk(@RestQuery String ok) {
        return page(null, Map.of(), PageMessages.done(ok));
    }

    @POST
    @Path("{trackingNo}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@RestPath String trackingNo, @RestPath String action, @RestForm String category,
            @RestForm String unit, @RestForm String decision, @RestForm String toUnit, @RestForm String reason,
            @RestForm String parent) {
        FormChecks checks = new FormChecks();
        Supplier<Uni<?>> step;
        String done = action;
        switch (action) {
            case "dispatch": {
                String cat = checks.code("category", category, "请选择诉求分类");
                String target = checks.optionalCode("unit", unit, "请选择有效的承办单位");
                step = () -> caller.get().chain(who -> desk.dispatch(trackingNo, who, cat, target));
                break;
            }
            case "return-decision": {
                boolean accept = "accept".equals(decision);
                String to = accept ? checks.code("toUnit", toUnit, "同意退回时请选择改派单位") : null;
                String why = checks.text("reason", reason, 2, 500, "处理意见");
                step = () -> caller.get().chain(who -> desk.decideReturn(trackingNo, who, accept, to, why));
                done = accept ? "redispatch" : "refuse-return";
                break;
            }
            case "merge": {
                String parentNo = checks.text("parent", parent, 13, 20, "主诉求编号");
                step = () -> caller.get().chain(who -> desk.merge(trackingNo, who, parentNo));
                break;
            }
            default:
                return Uni.createFrom().item(Response.status(404).entity(WorkQueuePages.Templates.missing()).build());
        }
        return run(trackingNo, checks, step, done);
    }

    @POST
    @Path("extensions/{id}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decideExtension(@RestPath long id, @RestPath String decision, @RestForm String note) {
        if (!"approve".equals(decision) && !"refuse".equals(decision)) {
            return Uni.createFrom().item(Response.status(404).entity(WorkQueuePages.Templates.missing()).build());
        }
        FormChecks checks = new FormChecks();
        String text = checks.optionalText("note", note, 500, "审批意见");
        return run("延期申请 " + id, checks,
                () -> caller.get().chain(who -> desk.decideExtension(id, who, "approve".equals(decision), text)), decision);
    }

    private Uni<Response> run(String focus, FormChecks checks, Supplier<Uni<?>> step, String done) {
        if (!checks.ok()) {
            return PageResponses.invalid(page(focus, checks.errors(), null));
        }
        return Uni.createFrom().deferred(step).map(result -> PageResponses.seeOther("/dispatch", done))
                .onFailure().recoverWithUni(failure -> PageResponses.refused(failure,
                        (errors, status) -> page(focus, errors, null).map(page -> Response.status(status).entity(page).build()),
                        Uni.createFrom().item(WorkQueuePages.Templates.missing())));
    }

    private Uni<TemplateInstance> page(String focus, Map<String, String> errors, String notice) {
        return Uni.combine().all().unis(waiting.waiting(500), waiting.openRequests(null), catalogue.current())
                .with((appeals, requests, rules) -> {
                    List<Category> categories = rules.rules().values().stream()
                            .map(rule -> category(rules, rule)).sorted(Comparator.comparing(Category::code)).toList();
                    List<WorkQueuePages.Unit> units = rules.unitNames().entrySet().stream()
                            .map(u -> new WorkQueuePages.Unit(u.getKey(), u.getValue()))
                            .sorted(Comparator.comparing(WorkQueuePages.Unit::code)).toList();
                    List<Line> lines = appeals.stream().map(a -> new Line(a, AppealStatus.valueOf(a.status()).label(),
                            a.returnedBy() == null ? null : rules.unitNames().getOrDefault(a.returnedBy(), a.returnedBy()),
                            hints(rules, a.suggestions()))).toList();
                    return Templates.desk(lines, requests, categories, units, rules.unitNames(), focus, errors, notice);
                });
    }

    private static Category category(Catalogue rules, DispatchRule rule) {
        return new Category(rule.category(), rule.name(), rules.unitNames().get(rule.unitRule()));
    }

    /** The classifier's best guesses, stored with the appeal as [{category, confidence}]. */
    private static List<Hint> hints(Catalogue rules, List<Map<String, Object>> suggestions) {
        List<Hint> hints = new ArrayList<>();
        for (Map<String, Object> s : suggestions) {
            if (s.get("category") != null && s.get("confidence") instanceof Number confidence) {
                DispatchRule rule = rules.rules().get(String.valueOf(s.get("category")));
                if (rule != null && hints.size() < TOP) {
                    hints.add(new Hint(category(rules, rule), Math.round(confidence.doubleValue() * 100)));
                }
            }
        }
        return hints;
    }
}
