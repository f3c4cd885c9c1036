package cn.huiyin.workqueue.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.application.AppealView;
import cn.huiyin.appeal.application.PersonalDataReveals;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.knowledge.application.KnowledgeArticles;
import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.web.HtmlRows;
import cn.huiyin.appeal.application.ClockView;
import cn.huiyin.workqueue.application.DispatchDesk;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.OpenRequest;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.After;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.Holding;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.QueueRow;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.Order;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/**
 * The commissioner's pages (Chinese): the work queue — what I hold and what waits in my unit's pool, nearest
 * handling deadline first, refreshed live — and one appeal with the steps open to me now. Every form posts to
 * {@code /workqueue/{trackingNo}/{action}} and is answered by a redirect (see {@link PageResponses}).
 */
@Path("/workqueue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
public class WorkQueuePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(String unitName, List<Listing> lists, boolean leader,
                List<OpenRequest> requests, Map<String, String> errors, String notice, boolean byRisk, boolean first);

        static native TemplateInstance appeal(AppealView appeal, AllowedForms forms, List<Unit> units, Typed typed,
                Map<String, String> errors, String notice, Shown shown, List<String> purposes,
                List<TimelineWords.Step> steps, AnswerPanel answers);

        static native TemplateInstance missing();
    }

    /** A row of the queue as shown: the due time in Beijing time, and whether it has passed. */
    public record Line(String trackingNo, String title, String statusLabel, boolean urgent, boolean supervised, String due,
            boolean overdue, String risk, boolean expectedLate) {
    }

    public record Unit(String code, String name) {
    }

    /**
     * One list of the queue page — what I hold ({@code mine}), the unit's pool ({@code pool}) — as its table shows it;
     * {@code next} the address of its next page, null on its last.
     */
    public record Listing(String id, String heading, String empty, List<Line> rows, String next) {

        /** The table's rows, written without the template's per-value evaluation (see {@link HtmlRows}). */
        public RawString rowsHtml() {
            HtmlRows html = new HtmlRows(rows.size());
            for (Line r : rows) {
                html.markup("\n  <tr class=\"").markup(r.overdue() ? "overdue" : "").markup("\" data-tracking-no=\"")
                        .text(r.trackingNo()).markup("\">\n    <td><a href=\"/workqueue/").text(r.trackingNo()).markup("\">")
                        .text(r.trackingNo()).markup("</a></td>\n    <td>").text(r.title())
                        .markup(r.urgent() ? " <span class=\"tag\">紧急</span>" : "").markup("</td>\n    <td>")
                        .text(r.statusLabel()).markup("</td>\n    <td>").text(r.due())
                        .markup(r.overdue() ? " <span class=\"tag\">已超时</span>" : "").markup("</td>\n    <td class=\"risk\">")
                        .text(r.risk()).markup(r.expectedLate() ? " <span class=\"tag\">预计超时</span>" : "")
                        .markup("</td>\n    <td>").markup(r.supervised() ? "<span class=\"tag\">督办</span>" : "")
                        .markup("</td>\n  </tr>");
            }
            return html.done();
        }
    }

    /** The lists of the queue page, by the {@code list} of its address. */
    enum Part {
        MINE("mine", "我的待办", "暂无待办"), POOL("pool", "本单位待认领", "暂无待认领的诉求");

        final String id;
        final String heading;
        final String empty;

        Part(String id, String heading, String empty) {
            this.id = id;
            this.heading = heading;
            this.empty = empty;
        }

        /** The list an address names; null (the first page, both lists) for none or an unknown one. */
        static Part named(String typed) {
            for (Part part : values()) {
                if (part.id.equals(typed)) {
                    return part;
                }
            }
            return null;
        }
    }

    /** The forms' fields as typed, shown again next to their errors. */
    public record Typed(String note, boolean visibleToEnterprise, String answer, String toUnit, String reason,
            String workingDays) {

        static final Typed EMPTY = new Typed("", false, "", "", "", "3");
    }

    /** Why a contact field is revealed, in the caller's words or one of {@link #REVEAL_PURPOSES}. */
    record Purpose(@FreeText(min = 2, max = 200) String purpose) {
    }

    /** A contact field shown in full after a reveal: on this one response only, never in a URL or cookie. */
    public record Shown(String field, String label, String value) {
    }

    /** The purposes offered on the reveal form; "other" asks for the purpose in the caller's words. */
    public static final List<String> REVEAL_PURPOSES = RevealForm.PURPOSES;

    /** Rows on one page of a list. */
    static final int PAGE = 50;

    @Inject
    PersonalDataReveals reveals;

    @Inject
    DispatchDesk desk;

    @Inject
    BreachRisks risks;

    @Inject
    DispatchDeskRepository extensions;

    @Inject
    WorkQueuePageRepository queue;

    @Inject
    AppealQueryService appeals;

    @Inject
    Catalogues catalogue;

    @Inject
    WorkSteps steps;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    AnswerPanels answerPanels;

    /**
     * The work queue: both lists' first pages (and a leader's extension requests), or, with {@code list} and
     * {@code after}, the next page of one list, which each list's 下一页 link names.
     */
    @GET
    public Uni<TemplateInstance> queue(@RestQuery String ok, @RestQuery String sort, @RestQuery String list,
            @RestQuery String after) {
        Order order = "risk".equals(sort) ? Order.RISK : Order.DEADLINE;
        Part part = Part.named(list);
        return caller.get().chain(who -> part == null ? queuePage(who, Map.of(), PageMessages.done(ok), order)
                : listPage(who, part, order, QueuePageCursor.parse(order, after)));
    }

    /**
     * A unit leader's decision on one of their unit's extension requests (延期申请), through the same service as
     * the dispatcher's desk and the API; the service refuses another unit's request as unknown.
     */
    @POST
    @Path("extensions/{id}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.UNIT_LEADER)
    public Uni<Response> decideExtension(@RestPath long id, @RestPath String decision, @RestForm String note) {
        Optional<Boolean> approves = ExtensionDecisionForm.approves(decision);
        if (approves.isEmpty()) {
            return missing().map(page -> Response.status(404).entity(page).build());
        }
        return caller.get().chain(who -> {
            FormChecks checks = new FormChecks(validator);
            String checked = ExtensionDecisionForm.note(checks, approves.get(), note);
            if (!checks.ok()) {
                return PageResponses.invalid(queuePage(who, checks.errors(), null));
            }
            return desk.decideExtension(id, who, approves.get(), checked)
                    .map(decided -> PageResponses.seeOther("/workqueue", decision))
                    .onFailure().recoverWithUni(failure -> PageResponses.refused(failure,
                            (errors, status) -> queuePage(who, errors, null).map(page -> Response.status(status).entity(page).build()),
                            missing()));
        });
    }

    private Uni<TemplateInstance> queuePage(Caller who, Map<String, String> errors, String notice) {
        return queuePage(who, errors, notice, Order.DEADLINE);
    }

    private Uni<TemplateInstance> queuePage(Caller who, Map<String, String> errors, String notice, Order order) {
        Instant now = clock.instant();
        boolean leader = who.hasRole(Roles.UNIT_LEADER);
        Uni<List<OpenRequest>> requests = leader ? extensions.openRequests(who.unitCode()) : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(listing(who, Part.MINE, order, After.first(order), now),
                listing(who, Part.POOL, order, After.first(order), now), catalogue.current(), requests)
                .with((mine, pool, rules, open) -> Templates.queue(unitName(rules, who), List.of(mine, pool), leader, open, errors,
                        notice, order == Order.RISK, true));
    }

    /** One list's page after {@code after}, on its own: its 下一页 and the way back to the first page. */
    private Uni<TemplateInstance> listPage(Caller who, Part part, Order order, After after) {
        return Uni.combine().all().unis(listing(who, part, order, after, clock.instant()), catalogue.current())
                .with((shown, rules) -> Templates.queue(unitName(rules, who), List.of(shown), false, List.of(), Map.of(), null,
                        order == Order.RISK, false));
    }

    /** A page of one list, read one row longer than shown to know whether another page follows. */
    private Uni<Listing> listing(Caller who, Part part, Order order, After after, Instant now) {
        if (who.unitCode() == null) {
            throw new ForbiddenException();
        }
        Uni<List<QueueRow>> read = part == Part.MINE ? queue.heldBy(who.unitCode(), who.username(), now, order, after, PAGE + 1)
                : queue.unclaimed(who.unitCode(), now, order, after, PAGE + 1);
        double expectedLateAt = risks.expectedLateAt();
        return read.map(rows -> {
            DeskCursor.Page<QueueRow> page = DeskCursor.Page.of(rows, PAGE);
            String next = page.lastBeforeMore().map(last -> "/workqueue?" + (order == Order.RISK ? "sort=risk&" : "") + "list="
                    + part.id + "&after=" + URLEncoder.encode(QueuePageCursor.after(order, last), StandardCharsets.UTF_8))
                    .orElse(null);
            return new Listing(part.id, part.heading, part.empty, WorkQueueView.lines(page.rows(), now, expectedLateAt), next);
        });
    }

    private static String unitName(Catalogue rules, Caller who) {
        return rules.unitNames().getOrDefault(who.unitCode(), who.unitCode());
    }

    @GET
    @Path("{trackingNo}")
    public Uni<Response> appeal(@RestPath String trackingNo, @RestQuery String ok, @RestQuery String useArticle) {
        return caller.get().chain(who -> page(trackingNo, who, Typed.EMPTY, Map.of(), PageMessages.done(ok), null, useArticle))
                .map(page -> Response.ok(page).build())
                .onFailure().recoverWithUni(failure -> PageResponses.refused(failure, (errors, status) -> Uni.createFrom()
                        .failure(failure), missing()));
    }

    /**
     * Reveals one masked contact field through the same audited service as the API, and shows the page again with
     * the value: answered with the page itself (not a redirect) so the value never lands in a URL, and not cached.
     */
    @POST
    @Path("{trackingNo}/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reveal(@RestPath String trackingNo, @RestForm String field, @RestForm String purpose,
            @RestForm String purposeOther) {
        return caller.get().chain(who -> {
            FormChecks checks = new FormChecks(validator);
            if (!RevealForm.knownField(field)) {
                checks.reject("field", "请选择要查看的联系方式");
            }
            String stated = RevealForm.purpose(purpose, purposeOther);
            if (stated == null) {
                checks.reject("purpose", "请选择查看用途，或填写其他用途");
            } else {
                checks.check(new Purpose(stated), Map.of("purpose", "查看用途须为{min}至{max}字"));
            }
            if (!checks.ok()) {
                return PageResponses.invalid(page(trackingNo, who, Typed.EMPTY, checks.errors(), null, null));
            }
            String why = Checked.text(stated);
            return reveals.reveal(trackingNo, who, field, why)
                    .chain(revealed -> page(trackingNo, who, Typed.EMPTY, Map.of(), "已记录查看用途：" + why,
                            new Shown(revealed.field(), RevealForm.label(revealed.field()), revealed.value())))
                    .map(page -> Response.ok(page).header("Cache-Control", "no-store").build())
                    .onFailure().recoverWithUni(failure -> PageResponses.refused(failure,
                            (errors, status) -> page(trackingNo, who, Typed.EMPTY, errors, null, null)
                                    .map(page -> Response.status(status).entity(page).build()),
                            missing()));
        });
    }

    /** 提为知识条目: the 咨询's reply becomes a draft article, which opens for editing and review. */
    @POST
    @Path("{trackingNo}/propose-article")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> proposeArticle(@RestPath String trackingNo) {
        return caller.get().chain(who -> appeals.view(trackingNo, null, who)
                .chain(view -> answerPanels.propose(view, who))
                .map(id -> Response.seeOther(URI.create("/knowledge/" + id)).build())
                .onFailure(KnowledgeArticles.NotProposed.class).recoverWithUni(failure -> page(trackingNo, who, Typed.EMPTY,
                        Map.of("form", AnswerPanels.whyNotProposed((KnowledgeArticles.NotProposed) failure)), null)
                        .map(page -> Response.status(422).entity(page).build()))
                .onFailure().recoverWithUni(failure -> PageResponses.refused(failure,
                        (errors, status) -> page(trackingNo, who, Typed.EMPTY, errors, null)
                                .map(page -> Response.status(status).entity(page).build()),
                        missing())));
    }

    @POST
    @Path("{trackingNo}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@RestPath String trackingNo, @RestPath String action, @RestForm String note,
            @RestForm String visibleToEnterprise, @RestForm String answer, @RestForm String toUnit, @RestForm String reason,
            @RestForm String workingDays, @RestForm String clock) {
        Typed typed = new Typed(note, visibleToEnterprise != null, answer, toUnit, reason, workingDays);
        return caller.get().chain(who -> {
            FormChecks checks = new FormChecks(validator);
            Uni<WorkSteps.Done> step = steps.perform(action, trackingNo, who, typed, clock, checks);
            if (step == null) {
                return missing().map(page -> Response.status(404).entity(page).build());
            }
            if (!checks.ok()) {
                return PageResponses.invalid(page(trackingNo, who, typed, checks.errors(), null));
            }
            return step.map(done -> PageResponses.seeOther(done.leftTheUnit() ? "/workqueue" : "/workqueue/" + done.trackingNo(),
                    action))
                    .onFailure().recoverWithUni(failure -> PageResponses.refused(failure,
                            (errors, status) -> page(trackingNo, who, typed, errors, null)
                                    .map(page -> Response.status(status).entity(page).build()),
                            missing()));
        });
    }

    private Uni<TemplateInstance> page(String trackingNo, Caller who, Typed typed, Map<String, String> errors, String notice) {
        return page(trackingNo, who, typed, errors, notice, null);
    }

    private Uni<TemplateInstance> page(String trackingNo, Caller who, Typed typed, Map<String, String> errors, String notice,
            Shown shown) {
        return page(trackingNo, who, typed, errors, notice, shown, null);
    }

    /** {@code useArticle}: the knowledge-base article whose answer fills the reply form (引用此回答), or null. */
    private Uni<TemplateInstance> page(String trackingNo, Caller who, Typed typed, Map<String, String> errors, String notice,
            Shown shown, String useArticle) {
        return appeals.view(trackingNo, null, who).chain(view -> Uni.combine().all()
                .unis(queue.holding(view.trackingNo()), catalogue.current())
                .withUni((holding, rules) -> {
                    Set<String> running = view.clocks().stream().filter(c -> c.stoppedAt() == null).map(ClockView::clock)
                            .collect(Collectors.toSet());
                    AllowedForms forms = AllowedForms.of(AppealStatus.valueOf(view.status()),
                            holding.orElse(new Holding(null, null)), who.username(), who.hasRole(Roles.UNIT_LEADER),
                            clock.instant(), running);
                    return answerPanels.of(view, forms).map(answers -> Templates.appeal(view, forms,
                            WorkQueueView.transferTargets(rules, who.unitCode()), AnswerPanels.using(typed, answers, useArticle),
                            errors, notice, shown, REVEAL_PURPOSES, TimelineWords.of(view.timeline(), rules), answers));
                }));
    }

    private static Uni<TemplateInstance> missing() {
        return Uni.createFrom().item(Templates.missing());
    }
}
