package cn.huiyin.hotspot.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.hotspot.application.HotSpotView;
import cn.huiyin.hotspot.application.HotSpots;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Hot spots (热点问题, 每月一题), the largest first, each with its appeals; filtered by a unit they touch, a category
 * or a street. The district centre sees all; a unit leader those with an appeal of their unit, and of their appeals
 * only the unit's own.
 */
@Path("/api/v1/hotspots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_LEADER, Roles.DISPATCHER, Roles.ADMIN, Roles.UNIT_LEADER })
public class HotSpotResource {

    private static final String LIMIT = "is 1 to 100";

    @Inject
    HotSpots hotSpots;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<List<HotSpotView>> list(@QueryParam("unit") String unit, @QueryParam("category") String category,
            @QueryParam("street") String street,
            @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = LIMIT) @Max(value = 100, message = LIMIT) int limit) {
        return caller.get().chain(who -> hotSpots.list(who, blankToNull(unit), blankToNull(category), blankToNull(street),
                HotSpots.Order.LARGEST, limit));
    }

    @GET
    @Path("{id}")
    public Uni<HotSpotView> one(@RestPath long id) {
        return caller.get().chain(who -> hotSpots.one(who, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Hot spot " + id)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
