package cn.huiyin.evaluation.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.evaluation.application.ReturnVisitService;
import cn.huiyin.evaluation.application.ReturnVisitService.Visited;
import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.evaluation.domain.VisitFinding;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;

/** The district centre records a return visit (回访): what was heard when calling the enterprise back. */
@Path("/api/v1/appeals/{trackingNo}/evaluation/rounds/{round}/return-visit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISPATCHER)
public class ReturnVisitResource {

    /** What the caller heard: {@code resolved} and {@code level} only when {@code reached}. */
    public record Finding(Boolean reached, Boolean resolved, Integer level, String note) {

        /** The finding, or 422 naming the first field at fault. */
        VisitFinding toFinding() {
            if (reached == null) {
                throw RatingInput.invalid("reached", "Say whether the enterprise was reached (true or false)");
            }
            String checkedNote = RatingInput.checkedText("note", note);
            if (!reached) {
                if (resolved != null || level != null) {
                    throw RatingInput.invalid("resolved", "A visit that reached nobody records no finding");
                }
                return new VisitFinding(false, null, null, checkedNote);
            }
            if (resolved == null) {
                throw RatingInput.invalid("resolved", "Say whether the enterprise finds the matter resolved");
            }
            Satisfaction heard = level == null ? null : Satisfaction.of(level)
                    .orElseThrow(() -> RatingInput.invalid("level", "The level heard is 1 to 5"));
            return new VisitFinding(true, resolved, heard, checkedNote);
        }
    }

    @Inject
    ReturnVisitService visits;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Visited> record(@RestPath String trackingNo, @RestPath int round, Finding body) {
        VisitFinding finding = (body == null ? new Finding(null, null, null, null) : body).toFinding();
        return caller.get().chain(who -> visits.record(trackingNo, round, finding, who));
    }
}
