package cn.huiyin.evaluation.web;

import java.util.List;

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

import cn.huiyin.evaluation.application.RatingInvitations;
import cn.huiyin.evaluation.application.RatingInvitations.Answer;
import cn.huiyin.evaluation.application.RatingRecorder.Recorded;
import cn.huiyin.evaluation.application.RatingService;
import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.GuessThrottle;
import cn.huiyin.shared.security.TooManyAttempts;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The page behind a signed rating link ({@code /rate/<token>}, sent by SMS or WeChat, or shown on the lookup page):
 * GET shows the answer being rated above the form, POST records the rating. Chinese, mobile-friendly, no JavaScript.
 * A forged or expired link stores nothing.
 */
@Path("/rate/{token}")
@Produces(MediaType.TEXT_HTML)
public class RatingPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String token, String trackingNoSpoken, int round, Answer answer,
                List<Satisfaction> levels, String resolved, Integer level, String comment, String error);

        static native TemplateInstance done(Recorded recorded, String trackingNoSpoken);

        static native TemplateInstance refused(String message);
    }

    @Inject
    RatingService ratings;

    @Inject
    RatingInvitations invitations;

    /** Forged links are counted as guesses (per appeal and client address): too many, and links are {@code 429} a while. */
    @GET
    public Uni<Response> show(@RestPath String token, HttpServerRequest request) {
        return ratings.checkLink(token, GuessThrottle.clientOf(request))
                .chain(link -> invitations.answerOf(link).map(answer -> Response.ok(Templates.form(token,
                        spoken(link.trackingNo()), link.round(), answer.orElse(null), levels(), null, null, "", null))
                        .build()))
                .onFailure(ProblemException.class).recoverWithItem(RatingPage::refusal);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rate(@RestPath String token, @RestForm String resolved, @RestForm String level,
            @RestForm String comment, HttpServerRequest request) {
        Integer chosen = RatingForm.level(level);
        Boolean isResolved = RatingForm.resolved(resolved);
        return ratings.checkLink(token, GuessThrottle.clientOf(request)).chain(link -> Uni.createFrom()
                .item(() -> new RatingInput(isResolved, chosen, comment).toRating())
                .chain(rating -> ratings.byLink(token, rating))
                .map(recorded -> Response.ok(Templates.done(recorded, spoken(link.trackingNo()))).build())
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    Problem problem = ((ProblemException) failure).problem();
                    if (problem.status() == 422) {
                        return invitations.answerOf(link).map(answer -> Response.status(422).entity(Templates.form(token,
                                spoken(link.trackingNo()), link.round(), answer.orElse(null), levels(), resolved, chosen,
                                comment == null ? "" : comment, RatingForm.words(problem))).build());
                    }
                    return Uni.createFrom().item(refusal(failure));
                }))
                .onFailure(ProblemException.class).recoverWithItem(RatingPage::refusal);
    }

    private static Response refusal(Throwable failure) {
        if (failure instanceof TooManyAttempts refused) {
            return Response.status(429).header("Retry-After", refused.retryAfterSeconds())
                    .entity(Templates.refused(refused.messageZh())).build();
        }
        Problem problem = ((ProblemException) failure).problem();
        return Response.status(problem.status()).entity(Templates.refused(RatingForm.words(problem))).build();
    }

    private static List<Satisfaction> levels() {
        return List.of(Satisfaction.values());
    }

    private static String spoken(String trackingNo) {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }
}
