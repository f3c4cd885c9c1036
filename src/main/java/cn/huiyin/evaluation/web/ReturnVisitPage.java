package cn.huiyin.evaluation.web;

import java.util.List;
import java.util.Map;

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

import cn.huiyin.evaluation.application.ReturnVisitService;
import cn.huiyin.evaluation.domain.RatingWords;
import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.evaluation.domain.VisitFinding;
import cn.huiyin.evaluation.persistence.ReturnVisitRepository.Due;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The return-visit page (回访, Chinese): the rounds the district centre should call back, nearest due first, and per
 * round a form for what was heard; it records through the same service as the JSON API, so the rules are the same.
 */
@Path("/evaluation/visits")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DISPATCHER)
public class ReturnVisitPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance visits(List<Line> due, List<Level> levels, String focus,
                Map<String, String> errors, String notice);
    }

    /** A round to call back, with its rating in words. */
    public record Line(Due due, String reasonLabel, String rating) {
    }

    public record Level(int level, String label) {
    }

    /** As many as the API's largest page: the district calls back far fewer in a day. */
    private static final int LIMIT = 200;

    private static final List<Level> LEVELS = List.of(Satisfaction.values()).stream()
            .map(s -> new Level(s.level(), s.label())).toList();

    @Inject
    ReturnVisitService visits;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<TemplateInstance> page(@RestQuery String ok) {
        return page(null, Map.of(), EvaluationPageReplies.done(ok));
    }

    /** The finding as the JSON body has it: reached, resolved (only when reached), level (optional), note. */
    @POST
    @Path("{trackingNo}/{round}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> record(@RestPath String trackingNo, @RestPath String round, @RestForm String reached,
            @RestForm String resolved, @RestForm String level, @RestForm String note) {
        String focus = trackingNo + " 第" + round + "轮";
        Integer roundNo = EvaluationPageReplies.round(round);
        if (roundNo == null) {
            return EvaluationPageReplies.render(page(focus, Map.of("form", EvaluationPageReplies.NOT_FOUND), null), 404);
        }
        VisitForm.Read form = VisitForm.read(reached, resolved, level, note);
        if (form.finding() == null) {
            return EvaluationPageReplies.render(page(focus, form.errors(), null), 422);
        }
        VisitFinding finding = form.finding();
        return caller.get().chain(who -> visits.record(trackingNo, roundNo, finding, who))
                .map(visited -> EvaluationPageReplies.seeOther("/evaluation/visits",
                        visited.overturned() ? "visit-overturned" : "visit"))
                .onFailure().recoverWithUni(failure -> EvaluationPageReplies.refused(failure,
                        refusal -> page(focus, refusal, null)));
    }

    private Uni<TemplateInstance> page(String focus, Map<String, String> errors, String notice) {
        return visits.queue(LIMIT).map(due -> Templates.visits(due.stream().map(ReturnVisitPage::line).toList(), LEVELS,
                focus, errors, notice));
    }

    private static Line line(Due due) {
        return new Line(due, RatingWords.visitReason(due.reason()), RatingWords.of(due.ratedLevel(), due.ratedResolved(),
                due.defaulted()));
    }
}
