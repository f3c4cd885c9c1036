package cn.huiyin.channel.phone.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.AppealSummary;
import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.QueryCodes;
import cn.huiyin.channel.phone.application.PhoneIntakeService;
import cn.huiyin.channel.phone.domain.CallRecord;
import cn.huiyin.channel.phone.domain.WorkOrder;
import cn.huiyin.channel.phone.domain.WorkOrderPolicy;
import cn.huiyin.channel.phone.persistence.CallLogRepository;
import cn.huiyin.channel.phone.persistence.CallLogRepository.CallbackTask;
import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.knowledge.application.ShownAnswer;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The call-centre agent's desk (Chinese): calls going on now, missed calls to ring back, and the work-order
 * form pre-filled from the selected call with the caller's earlier appeals beside it. Submitting gives the
 * tracking number to read out. Refreshes itself every ten seconds while no call is selected.
 */
@Path("/desk/phone")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AGENT)
public class AgentDeskPage {

    private static final Logger LOG = Logger.getLogger(AgentDeskPage.class);

    private static final Pattern HIDDEN_ID = Pattern.compile("[!-~]{1,100}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(List<CallRecord> calls, List<CallbackTask> callbacks, OrderForm form,
                List<AppealSummary> history, List<Catalogues.Category> categories, Map<String, String> errors,
                Accepted accepted, List<RoutingSuggestions.Suggestion> suggestions, Answers answers);
    }

    /**
     * The knowledge-base answers beside the form: those found for the description when the agent asked (the script
     * finds them while the agent types), shown to {@code asker} — the call, or this form when there is no call.
     * {@code answered}: the last call was answered from one of them without a work order.
     */
    public record Answers(String asker, List<ShownAnswer> shown, boolean answered) {
    }

    /** As many as fit beside the form. */
    private static final int ANSWERS = 3;

    /** The appeal a work order made: the number to read out and the query code that opens it on the lookup page. */
    public record Accepted(String spokenTrackingNo, String queryCode) {
    }

    /** The work-order form as typed. */
    public record OrderForm(String callId, String contactName, String contactMobile, String uscc, String enterpriseName,
            String category, String appealType, String description, boolean urgent, String submissionId) {
    }

    @Inject
    CallLogRepository calls;

    @Inject
    AppealQueryService appeals;

    @Inject
    Catalogues catalogues;

    @Inject
    PhoneIntakeService intake;

    @Inject
    CurrentCaller caller;

    @Inject
    RoutingSuggestions routing;

    @Inject
    QueryCodes queryCodes;

    @Inject
    KnowledgeAnswers knowledge;

    @GET
    @WithSession
    public Uni<TemplateInstance> desk(@RestQuery("callId") String requested, @RestQuery String answered) {
        // a link the desk wrote carries a call id; anything else selects no call
        String callId = requested != null && HIDDEN_ID.matcher(requested).matches() ? requested : null;
        Uni<Optional<CallRecord>> selected = callId == null ? Uni.createFrom().item(Optional.empty()) : calls.find(callId);
        return selected.chain(call -> {
            String mobile = call.flatMap(c -> Optional.ofNullable(c.from())).flatMap(MobileNumber::parse)
                    .map(MobileNumber::normalized).orElse(null);
            Uni<List<AppealSummary>> history = mobile == null ? Uni.createFrom().item(List.of()) : appeals.recentByMobile(mobile, 10);
            return history.chain(recent -> {
                // the caller's enterprise, as known from earlier appeals
                Optional<AppealSummary> known = recent.stream().filter(r -> r.uscc() != null).findFirst();
                OrderForm form = new OrderForm(callId, "", mobile == null ? "" : mobile, known.map(AppealSummary::uscc).orElse(""),
                        known.map(AppealSummary::enterpriseName).orElse(""), "", "CONSULT", "", false, UUID.randomUUID().toString());
                return page(form, recent, Map.of(), null, List.of(), List.of(), answered != null);
            });
        });
    }

    /**
     * 已用此条解答，无需立单: the agent answered the call from a knowledge-base article, so no work order is filed; the
     * answer is recorded as helpful and the desk is free for the next call.
     */
    @POST
    @Path("answered")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    public Uni<Response> answered(@RestForm String shownId, @RestForm String callId) {
        Optional<UUID> id = uuid(shownId);
        Uni<Boolean> recorded = id.isEmpty() ? Uni.createFrom().item(false) : knowledge.feedback(id.get(), true);
        return recorded.chain(known -> {
            if (known) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/desk/phone?answered=1")).build());
            }
            OrderForm form = new OrderForm(callId != null && HIDDEN_ID.matcher(callId).matches() ? callId : null, "", "", "",
                    "", "", "CONSULT", "", false, UUID.randomUUID().toString());
            return page(form, List.of(), Map.of("answer", "未找到所选的知识库解答，请重新查找后再试"), null)
                    .map(page -> Response.status(404).entity(page).build());
        });
    }

    @POST
    @Path("work-orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    public Uni<Response> submit(@RestForm String callId, @RestForm String contactName, @RestForm String contactMobile,
            @RestForm String uscc, @RestForm String enterpriseName, @RestForm String category, @RestForm String appealType,
            @RestForm String description, @RestForm String urgent, @RestForm String submissionId,
            @RestForm String action) {
        OrderForm typed = new OrderForm(blankToNull(callId), contactName, contactMobile, uscc, enterpriseName, category,
                appealType, description, urgent != null, submissionId == null ? UUID.randomUUID().toString() : submissionId);
        if ("suggest".equals(action)) {
            return suggest(typed);
        }
        OrderForm form = typed;
        return caller.get().chain(agent -> {
            WorkOrder order = new WorkOrder(agent.username(), contactName, contactMobile, blankToNull(category), description,
                    blankToNull(uscc), blankToNull(enterpriseName), null, null);
            List<FieldViolation> violations = new ArrayList<>(WorkOrderPolicy.check(order));
            if (appealType != null && !appealType.isBlank()
                    && Arrays.stream(AppealType.values()).noneMatch(t -> t.name().equals(appealType))) {
                violations.add(new FieldViolation("appealType", "appealType.invalid", "appealType is not a known type",
                        "诉求类型不正确"));
            }
            // the hidden fields come back as the page wrote them; anything else was not typed by the agent
            if (form.callId() != null && !HIDDEN_ID.matcher(form.callId()).matches()) {
                violations.add(new FieldViolation("callId", "callId.invalid", "callId is 1 to 100 printable ASCII characters",
                        "来电标识无效，请从当前来电列表重新选择来电"));
            }
            if (!HIDDEN_ID.matcher(form.submissionId()).matches()) {
                violations.add(new FieldViolation("submissionId", "submissionId.invalid",
                        "submissionId is 1 to 100 printable ASCII characters", "表单已失效，请刷新页面后重新填写"));
            }
            if (!violations.isEmpty()) {
                Map<String, String> errors = violations.stream().collect(Collectors.toMap(FieldViolation::field,
                        FieldViolation::messageZh, (a, b) -> a));
                return page(form, List.of(), errors, null).map(page -> Response.status(422).entity(page).build());
            }
            String type = appealType == null || appealType.isBlank() ? null : appealType;
            // the hidden submission id makes a resent form one appeal, like a replayed CTI event
            return intake.submit(eventId(form), form.callId(), order, type, form.urgent())
                    .chain(accepted -> page(new OrderForm(null, "", "", "", "", "", "CONSULT", "", false,
                            UUID.randomUUID().toString()), List.of(), Map.of(), accepted(accepted.trackingNo())))
                    .map(page -> Response.ok(page).build())
                    .onFailure(PhoneIntakeService.AlreadySubmitted.class)
                    .recoverWithUni(failure -> alreadySubmitted(form, ((PhoneIntakeService.AlreadySubmitted) failure).trackingNo()));
        });
    }

    /**
     * The same form (its submission id) was sent before with other content, and that made an appeal: say which,
     * store nothing. The typed values stay, under a new submission id, in case the agent means a new order.
     */
    private Uni<Response> alreadySubmitted(OrderForm form, String trackingNo) {
        OrderForm again = new OrderForm(form.callId(), form.contactName(), form.contactMobile(), form.uscc(),
                form.enterpriseName(), form.category(), form.appealType(), form.description(), form.urgent(),
                UUID.randomUUID().toString());
        return page(again, List.of(), Map.of("submissionId", "该表单已提交为诉求 " + spoken(trackingNo)
                + "，本次内容与当时不同，未重复受理。如需另行登记新工单，请核对内容后再次提交。"), null)
                .map(page -> Response.status(409).entity(page).build());
    }

    /**
     * A caller has no web receipt: the agent reads out the query code with the number, so the caller can follow the
     * appeal and rate the answer on the lookup page, with or without SMS.
     */
    private Accepted accepted(String trackingNo) {
        return new Accepted(spoken(trackingNo), queryCodes.codeFor(trackingNo));
    }

    private static String spoken(String trackingNo) {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }

    /** "建议分类": ranks the categories for what the agent typed; the top one is preselected, nothing is stored. */
    private Uni<Response> suggest(OrderForm typed) {
        if (typed.description() == null || typed.description().isBlank()) {
            return page(typed, List.of(), Map.of("description", "请先填写来电内容摘要"), null)
                    .map(page -> Response.status(422).entity(page).build());
        }
        // one after the other: the request's reactive session takes one use at a time
        return routing.suggest(typed.description()).chain(suggested -> answersFor(typed).chain(shown -> {
            String top = suggested.suggestions().isEmpty() ? typed.category() : suggested.suggestions().get(0).category();
            OrderForm form = new OrderForm(typed.callId(), typed.contactName(), typed.contactMobile(), typed.uscc(),
                    typed.enterpriseName(), top, typed.appealType(), typed.description(), typed.urgent(), typed.submissionId());
            return page(form, List.of(), Map.of(), null, suggested.suggestions(), shown, false);
        })).map(page -> Response.ok(page).build());
    }

    /**
     * The articles for the description, recorded as shown to the call (or to this form). Suggestions are a help: if
     * they cannot be had now, the desk works on without them.
     */
    private Uni<List<ShownAnswer>> answersFor(OrderForm form) {
        String text = form.description().strip();
        if (text.codePointCount(0, text.length()) < 2 || form.callId() != null && !HIDDEN_ID.matcher(form.callId()).matches()
                || !HIDDEN_ID.matcher(form.submissionId()).matches()) {
            return Uni.createFrom().item(List.of());
        }
        return knowledge.show(text, KnowledgeAnswers.PHONE, asker(form), ANSWERS).onFailure().recoverWithItem(failure -> {
            LOG.warn("Knowledge-base answers were not available for the agent desk", failure);
            return List.of();
        });
    }

    /**
     * Whom the desk's answers are shown to: the call being answered, else the work order itself (its event id), so
     * that filing it marks them as followed by an appeal either way (see {@link PhoneIntakeService#submit}).
     */
    private static String asker(OrderForm form) {
        return form.callId() != null ? form.callId() : eventId(form);
    }

    /** The work order's event id: the hidden submission id, so that a resent form makes one appeal. */
    private static String eventId(OrderForm form) {
        return "desk-" + form.submissionId();
    }

    private static Optional<UUID> uuid(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Uni<TemplateInstance> page(OrderForm form, List<AppealSummary> history, Map<String, String> errors, Accepted accepted) {
        return page(form, history, errors, accepted, List.of(), List.of(), false);
    }

    private Uni<TemplateInstance> page(OrderForm form, List<AppealSummary> history, Map<String, String> errors, Accepted accepted,
            List<RoutingSuggestions.Suggestion> suggestions, List<ShownAnswer> shown, boolean answered) {
        Answers answers = new Answers(asker(form), shown, answered);
        return Uni.combine().all().unis(calls.current(50), calls.openCallbacks(50), catalogues.inFormOrder())
                .with((current, callbacks, categories) -> Templates.desk(current, callbacks, form, history, categories,
                        errors, accepted, suggestions, answers));
    }

    @TemplateExtension
    static String statusLabel(AppealSummary recent) {
        return AppealStatus.valueOf(recent.status()).label();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
