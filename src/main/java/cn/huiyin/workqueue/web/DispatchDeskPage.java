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

import cn.huiyin.hotspot.application.HotSpots;
import cn.huiyin.hotspot.web.DeskHotSpot;
import cn.huiyin.hotspot.web.HotSpotMergeForm;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
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
 * one-click dispatch; appeals a unit returned, to re-dispatch or send back; merging duplicates, one by one or a hot
 * spot's (热点问题) at once; and open extension requests. Refreshed live from the desk's updates; forms post and
 * redirect like the work queue.
 */
@Path("/dispatch")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DISPATCHER)
public class DispatchDeskPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(List<Line> waiting, Paging paging, List<OpenRequest> requests,
                List<Category> categories, List<WorkQueuePages.Unit> units, Map<String, String> unitNames,
                List<DeskHotSpot> hotSpots, String focus, Map<String, String> errors, String notice);

        static native TemplateInstance placement(Line l, List<Category> categories, List<WorkQueuePages.Unit> units);
    }

    /**
     * Links between the desk's pages: {@code next} the query of the next page (null on the last), {@code first}
     * whether this is the first page.
     */
    public record Paging(String next, boolean first) {

        static Paging of(DeskCursor.Page<Waiting> page, boolean first, int size) {
            String sized = size == DeskCursor.PAGE ? "" : "&limit=" + size;
            return new Paging(page.lastBeforeMore().map(last -> "?after=" + last.trackingNo() + sized).orElse(null), first);
        }
    }

    /** How many hot spots the desk lists. */
    static final int HOT_SPOTS_SHOWN = 20;

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

    @Inject
    HotSpots hotSpots;

    /**
     * One page of the waiting list, oldest first, {@link DeskCursor#PAGE} rows unless {@code limit} says otherwise,
     * from the start or {@code after} a tracking number (the previous page's last row); the catalogue's category and
     * unit lists are sent once, for the rows' forms to share.
     */
    @GET
    public Uni<TemplateInstance> desk(@RestQuery String ok, @RestQuery String after, @RestQuery String limit) {
        return page(null, Map.of(), PageMessages.done(ok), DeskCursor.pageAfter(after), DeskCursor.pageSize(limit));
    }

    /**
     * One waiting appeal with the full placement forms (the category and unit lists in its own rows): where a row's
     * "choose" link leads without scripts. 404 once the appeal no longer waits for the dispatcher.
     */
    @GET
    @Path("{trackingNo}")
    public Uni<Response> placement(@RestPath String trackingNo) {
        String no = DeskCursor.trackingNo(trackingNo);
        if (no == null) {
            return Uni.createFrom().item(Response.status(404).entity(WorkQueuePages.Templates.missing()).build());
        }
        return Uni.combine().all().unis(waiting.waitingOne(no), catalogue.current()).with((found, rules) -> found
                .map(appeal -> Response.ok(Templates.placement(DeskView.lines(List.of(appeal), rules).get(0),
                        DeskView.categories(rules), DeskView.units(rules))).build())
                .orElseGet(() -> Response.status(404).entity(WorkQueuePages.Templates.missing()).build()));
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

    /**
     * Merges the ticked appeals of a hot spot into the chosen parent (并单), one by one through the desk's merge step,
     * as if each were merged from its own line. Only appeals of the hot spot take part; a refusal stops there and is
     * shown (those merged before it stay merged).
     */
    @POST
    @Path("hotspots/{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> mergeHotSpot(@RestPath long id, @RestForm String parent, @RestForm List<String> children) {
        return caller.get().chain(who -> hotSpots.one(who, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Response.status(404).entity(WorkQueuePages.Templates.missing()).build());
            }
            HotSpotMergeForm merge = HotSpotMergeForm.of(found.get(), parent, children);
            FormChecks checks = new FormChecks(validator);
            merge.errors().forEach(checks::reject);
            return run("热点并单", checks, () -> mergeAll(who, merge.parent(), merge.children()), "merge");
        }));
    }

    private Uni<?> mergeAll(Caller who, String parent, List<String> children) {
        Uni<?> chain = Uni.createFrom().voidItem();
        for (String child : children) {
            chain = chain.chain(() -> desk.merge(child, who, parent));
        }
        return chain;
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
        return page(focus, errors, notice, null, DeskCursor.PAGE);
    }

    private Uni<TemplateInstance> page(String focus, Map<String, String> errors, String notice, String after, int size) {
        return caller.get().chain(who -> Uni.combine().all().unis(waiting.waiting(after, size + 1), waiting.openRequests(null),
                catalogue.current(), hotSpots.list(who, null, null, null, HotSpots.Order.LATEST, HOT_SPOTS_SHOWN))
                .with((appeals, requests, rules, spots) -> {
                    DeskCursor.Page<Waiting> shown = DeskCursor.Page.of(appeals, size);
                    return Templates.desk(DeskView.lines(shown.rows(), rules), Paging.of(shown, after == null, size), requests,
                            DeskView.categories(rules), DeskView.units(rules), rules.unitNames(),
                            spots.stream().map(DeskHotSpot::of).toList(), focus, errors, notice);
                }));
    }
}
