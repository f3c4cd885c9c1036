package cn.huiyin.channel.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import cn.huiyin.appeal.application.AppealView;
import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.evaluation.application.RatingInvitations;
import cn.huiyin.evaluation.application.RatingInvitations.Invitation;
import cn.huiyin.intake.domain.AppealDraft;
import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.GuessThrottle;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.security.TooManyAttempts;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.EnterpriseRegister;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The enterprise-facing pages (Chinese): submit an appeal without signing in, and look one up with its
 * tracking number and query code. They work without JavaScript and submit exactly like the JSON API. A signed-in
 * enterprise does not type its credit code and name: the form shows them fixed, and the server takes the code
 * from the token whatever the form says.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AppealPages {

    private static final Logger LOG = Logger.getLogger(AppealPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance form(AppealForm form, List<Catalogues.Category> categories,
                Map<String, String> errors, SignedIn signedIn);

        static native TemplateInstance receipt(AppealReceipt receipt);

        static native TemplateInstance lookup(String trackingNo, String queryCode, AppealView appeal,
                String categoryName, String error, Invitation invitation);
    }

    /** The form's fields as typed, to show them again next to their errors. */
    public record AppealForm(String uscc, String enterpriseName, String contactName, String contactMobile,
            String category, String appealType, boolean urgent, String title, String description, boolean consent,
            String submissionId) {

        static AppealForm empty() {
            return new AppealForm("", "", "", "", "", "CONSULT", false, "", "", false, UUID.randomUUID().toString());
        }

        AppealDraft toDraft() {
            return new AppealDraft(uscc, enterpriseName, contactName, contactMobile, category, appealType, urgent, title,
                    description, consent);
        }

        /**
         * As a signed-in enterprise submits it: its own credit code whatever was typed, its registered name when there
         * is one, else the name typed (or, on a blank form, the one its latest appeal gave).
         */
        AppealForm of(SignedIn enterprise) {
            String name = enterprise.nameFixed() || (enterpriseName == null || enterpriseName.isBlank()) && enterprise.name() != null
                    ? enterprise.name() : enterpriseName;
            return new AppealForm(enterprise.uscc(), name, contactName, contactMobile, category, appealType, urgent, title,
                    description, consent, submissionId);
        }
    }

    /**
     * The enterprise the form is for when one is signed in: its credit code (from the token) and its name — fixed
     * when the register holds it, else what its latest appeal gave, which it may correct; null when none is known.
     */
    public record SignedIn(String uscc, String name, boolean nameFixed) {
    }

    @Inject
    WebIntakeService intake;

    @Inject
    AppealQueryService appeals;

    @Inject
    Catalogues catalogue;

    @Inject
    RatingInvitations invitations;

    @Inject
    CurrentCaller caller;

    @Inject
    EnterpriseRegister register;

    @Inject
    KnowledgeAnswers answers;

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    @GET
    @Path("appeals/new")
    @WithSession
    public Uni<TemplateInstance> newAppeal() {
        return caller.get().chain(this::signedIn).chain(enterprise -> catalogue.inFormOrder().map(categories -> Templates
                .form(enterprise == null ? AppealForm.empty() : AppealForm.empty().of(enterprise), categories, Map.of(),
                        enterprise)));
    }

    @POST
    @Path("appeals/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    public Uni<Response> submit(@RestForm String uscc, @RestForm String enterpriseName, @RestForm String contactName,
            @RestForm String contactMobile, @RestForm String category, @RestForm String appealType,
            @RestForm String urgent, @RestForm String title, @RestForm String description, @RestForm String consent,
            @RestForm String submissionId) {
        AppealForm typed = new AppealForm(uscc, enterpriseName, contactName, contactMobile, category, appealType,
                urgent != null, title, description, consent != null,
                submissionId == null || submissionId.isBlank() ? UUID.randomUUID().toString() : submissionId);
        return caller.get().chain(who -> signedIn(who).chain(enterprise -> {
            // a signed-in enterprise submits as itself (authenticated, no query code); anyone else as a visitor
            AppealForm form = enterprise == null ? typed : typed.of(enterprise);
            Caller submitter = enterprise == null ? Caller.anonymous() : who;
            // The hidden submission id is the Idempotency-Key: a double click or a resent form stores one appeal.
            return intake.submit(form.toDraft(), "form-" + form.submissionId(), submitter)
                    .call(receipt -> answersFollowed(form.submissionId(), receipt.trackingNo()))
                    .map(receipt -> Response.ok(Templates.receipt(receipt)).build())
                    .onFailure(ProblemException.class).recoverWithUni(failure -> {
                        Problem problem = ((ProblemException) failure).problem();
                        Map<String, String> errors = problem.errors() == null
                                ? Map.of("form", formMessage(problem))
                                : problem.errors().stream().collect(Collectors.toMap(Problem.InvalidField::field,
                                        Problem.InvalidField::messageZh, (first, second) -> first));
                        return catalogue.inFormOrder().map(categories -> Response
                                .status(problem.status()).entity(Templates.form(form, categories, errors, enterprise)).build());
                    });
        }));
    }

    /**
     * The answers this form's typeahead showed were followed by an appeal after all. The appeal is stored by now; a
     * failure here costs a figure, never the enterprise's receipt.
     */
    private Uni<Void> answersFollowed(String submissionId, String trackingNo) {
        return answers.appealFollowed(KnowledgeAnswers.WEB, submissionId, trackingNo).onFailure().recoverWithItem(failure -> {
            LOG.warnf(failure, "Could not mark the answers shown to form %s as followed by appeal %s", submissionId, trackingNo);
            return null;
        });
    }

    /** The 503's answer in the form's own language; it re-shows the same submission id, so sending again is safe. */
    static final String UNAVAILABLE_ZH = "提交结果未能及时确认：诉求可能已经保存，也可能没有。请再次点击“提交”，"
            + "重复提交不会产生第二件诉求。";

    /** The line above the form for a problem without field errors. */
    static String formMessage(Problem problem) {
        return problem.type().endsWith("/intake-unavailable") ? UNAVAILABLE_ZH : problem.detail();
    }

    /** The signed-in enterprise with its credit code and known name; null for a visitor or a staff member. */
    private Uni<SignedIn> signedIn(Caller who) {
        if (!who.hasRole(Roles.ENTERPRISE) || who.uscc() == null) {
            return Uni.createFrom().nullItem();
        }
        return register.entry(who.uscc()).chain(entry -> {
            if (entry.isPresent() && !entry.get().name().isBlank()) {
                return Uni.createFrom().item(new SignedIn(who.uscc(), entry.get().name(), true));
            }
            return appeals.recentByUscc(who.uscc(), 1).map(recent -> new SignedIn(who.uscc(), recent.stream()
                    .map(a -> a.enterpriseName()).filter(name -> name != null && !name.isBlank()).findFirst().orElse(null),
                    false));
        });
    }

    @GET
    @Path("appeals/lookup")
    public Uni<TemplateInstance> lookupForm(@RestQuery String trackingNo) {
        return Uni.createFrom().item(Templates.lookup(trackingNo == null ? "" : trackingNo, "", null, null, null, null));
    }

    /**
     * Posted, not a query string: the query code stays out of URLs, histories and access logs. Wrong codes are
     * counted like the API's: too many, and the page comes back {@code 429} with {@code Retry-After} for a while.
     */
    @POST
    @Path("appeals/lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> lookup(@RestForm String trackingNo, @RestForm String queryCode, HttpServerRequest request) {
        if (trackingNo == null || trackingNo.isBlank()) {
            return Uni.createFrom().item(Response.ok(Templates.lookup("", "", null, null, null, null)).build());
        }
        return appeals.view(trackingNo, queryCode, Caller.anonymous(), GuessThrottle.clientOf(request))
                // the code opened the appeal: its holder is the appellant, so the open round's rating link is shown
                // (the one SMS or WeChat would carry; without either it is the only way to the rating page)
                .chain(appeal -> Uni.combine().all().unis(catalogue.current(), invitations.forAppellant(appeal.trackingNo()))
                        .with((c, invitation) -> Response.ok(Templates.lookup(trackingNo, queryCode, appeal,
                                categoryName(c, appeal.category()), null, invitation.orElse(null))).build()))
                .onFailure(TooManyAttempts.class).recoverWithItem(failure -> {
                    TooManyAttempts refused = (TooManyAttempts) failure;
                    return Response.status(429).header("Retry-After", refused.retryAfterSeconds())
                            .entity(Templates.lookup(trackingNo, queryCode, null, null, refused.messageZh(), null)).build();
                })
                .onFailure(ProblemException.class).recoverWithItem(() -> Response
                        .ok(Templates.lookup(trackingNo, queryCode, null, null, "未找到该诉求，请核对诉求编号和查询码", null)).build());
    }

    /** The catalogue's name of the appeal's category; null while it has none (a dispatcher will place it). */
    static String categoryName(Catalogue catalogue, String category) {
        if (category == null) {
            return null;
        }
        DispatchRule rule = catalogue.rules().get(category);
        return rule == null ? category : rule.name();
    }

    /** 咨询, 求助, 投诉, 举报 or 建议. */
    @TemplateExtension
    static String typeLabel(AppealView appeal) {
        return Arrays.stream(AppealType.values()).filter(t -> t.name().equals(appeal.appealType())).findFirst()
                .map(AppealType::label).orElse("—");
    }

    /** 网页, 电话 or 微信. */
    @TemplateExtension
    static String channelLabel(AppealView appeal) {
        return Arrays.stream(Channel.values()).filter(c -> c.name().equals(appeal.channel())).findFirst()
                .map(Channel::label).orElse("—");
    }

}
