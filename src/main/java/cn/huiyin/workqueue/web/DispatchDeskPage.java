package cn.huiyin.workqueue.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

    @Inject
    DispatchDesk desk;

    @Inject
    DeskSteps steps;

    @Inject
    DispatchDeskRepository waiting;

    @Inject
    Catalogues catalogue;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

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
        FormChecks checks = new FormChecks(validator);
        DeskSteps.Planned planned = steps.plan(action, trackingNo, caller.get(),
                new DeskSteps.DeskForm(category, unit, decision, toUnit, reason, parent), checks);
        if (planned == null) {
            return Uni.createFrom().item(Response.status(404).entity(WorkQueuePages.Templates.missing()).build());
        }
        return run(trackingNo, checks, planned.step(), planned.done());
    }

    @POST
    @Path("extensions/{id}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decideExtension(@RestPath long id, @RestPath String decision, @RestForm String note) {
        Optional<Boolean> approves = ExtensionDecisionForm.approves(decision);
        if (approves.isEmpty()) {
            return Uni.createFrom().item(Response.status(404).entity(WorkQueuePages.Templates.missing()).build());
        }
        FormChecks checks = new FormChecks(validator);
        String checked = ExtensionDecisionForm.note(checks, approves.get(), note);
        return run("延期申请 " + id, checks, () -> caller.get()
                .chain(who -> desk.decideExtension(id, who, approves.get(), checked)), decision);
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
                .with((appeals, requests, rules) -> Templates.desk(DeskView.lines(appeals, rules), requests,
                        DeskView.categories(rules), DeskView.units(rules), rules.unitNames(), focus, errors, notice));
    }
}
