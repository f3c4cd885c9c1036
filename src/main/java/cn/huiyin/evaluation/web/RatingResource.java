package cn.huiyin.evaluation.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.evaluation.application.RatingRecorder.Recorded;
import cn.huiyin.evaluation.application.RatingService;
import cn.huiyin.shared.security.CurrentCaller;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/appeals/{trackingNo}/rating}: the signed-in enterprise rates the answer to its own appeal.
 * Staff tokens are refused with 403 {@code staff-may-not-rate} (nobody rates on an enterprise's behalf).
 */
@Path("/api/v1/appeals/{trackingNo}/rating")
@Produces(MediaType.APPLICATION_JSON)
public class RatingResource {

    @Inject
    RatingService ratings;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Recorded> rate(@RestPath String trackingNo, RatingInput body) {
        return caller.get().chain(who -> {
            var rating = (body == null ? new RatingInput(null, null, null) : body);
            return ratings.byEnterprise(trackingNo, who, rating.toRating());
        });
    }
}
