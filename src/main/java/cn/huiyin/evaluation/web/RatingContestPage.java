package cn.huiyin.evaluation.web;

import java.util.LinkedHashMap;
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

import cn.huiyin.evaluation.application.RatingContestService;
import cn.huiyin.evaluation.domain.RatingWords;
import cn.huiyin.evaluation.persistence.RatingContestRepository.Contestable;
import cn.huiyin.evaluation.persistence.RatingContestRepository.OpenContest;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The rating-appeal page (申诉复核, Chinese). A unit's commissioner or leader sees its bad ratings and contests one
 * once, with a reason; the district's dispatcher or leader sees the open contests and upholds or rejects them.
 * Each step goes through the same service, and is allowed to the same roles, as the JSON API.
 */
@Path("/evaluation/contests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER, Roles.DISTRICT_LEADER })
public class RatingContestPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance contests(boolean unit, List<Bad> contestable, List<Open> open, String focus,
                Map<String, String> errors, String notice);
    }

    public record Bad(Contestable rating, String words) {
    }

    public record Open(OpenContest contest, String words) {
    }

    private static final int LIMIT = 200;

    @Inject
    RatingContestService contests;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<TemplateInstance> page(@RestQuery String ok) {
        return caller.get().chain(who -> page(who, null, Map.of(), EvaluationPageReplies.done(ok)));
    }

    @POST
    @Path("{trackingNo}/{round}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
    public Uni<Response> contest(@RestPath String trackingNo, @RestPath String round, @RestForm String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = EvaluationPageReplies.text(errors, "reason", reason, 5, "申诉理由须为5至500字，且不含控制字符");
        return step(trackingNo, round, errors, (who, roundNo) -> contests.contest(trackingNo, roundNo, why, who)
                .map(state -> "contest"));
    }

    @POST
    @Path("{trackingNo}/{round}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER })
    public Uni<Response> decide(@RestPath String trackingNo, @RestPath String round, @RestForm String upheld,
            @RestForm String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        Boolean holds = "uphold".equals(upheld) ? Boolean.TRUE : "reject".equals(upheld) ? Boolean.FALSE : null;
        if (holds == null) {
            errors.put("upheld", "请选择申诉是否成立");
        }
        String why = EvaluationPageReplies.text(errors, "reason", reason, 5, "复核意见须为5至500字，且不含控制字符");
        return step(trackingNo, round, errors, (who, roundNo) -> contests.decide(trackingNo, roundNo, holds, why, who)
                .map(state -> holds ? "upheld" : "rejected"));
    }

    private interface Step {
        Uni<String> run(Caller who, int round);
    }

    private Uni<Response> step(String trackingNo, String round, Map<String, String> errors, Step step) {
        String focus = trackingNo + " 第" + round + "轮";
        return caller.get().chain(who -> {
            Integer roundNo = EvaluationPageReplies.round(round);
            if (roundNo == null) {
                return EvaluationPageReplies.render(page(who, focus, Map.of("form", EvaluationPageReplies.NOT_FOUND), null), 404);
            }
            if (!errors.isEmpty()) {
                return EvaluationPageReplies.render(page(who, focus, errors, null), 422);
            }
            return step.run(who, roundNo)
                    .map(done -> EvaluationPageReplies.seeOther("/evaluation/contests", done))
                    .onFailure().recoverWithUni(failure -> EvaluationPageReplies.refused(failure,
                            refusal -> page(who, focus, refusal, null)));
        });
    }

    /** A unit's roles see what they may contest; the district's roles see what they have to decide. */
    private Uni<TemplateInstance> page(Caller who, String focus, Map<String, String> errors, String notice) {
        boolean unit = who.hasRole(Roles.COMMISSIONER) || who.hasRole(Roles.UNIT_LEADER);
        if (unit) {
            return contests.contestable(who, LIMIT).map(bad -> Templates.contests(true,
                    bad.stream().map(b -> new Bad(b, RatingWords.of(b.ratedLevel(), b.ratedResolved(), b.defaulted()))).toList(),
                    List.of(), focus, errors, notice));
        }
        return contests.open(LIMIT).map(open -> Templates.contests(false, List.of(),
                open.stream().map(o -> new Open(o, RatingWords.of(o.ratedLevel(), o.ratedResolved(), false))).toList(),
                focus, errors, notice));
    }
}
