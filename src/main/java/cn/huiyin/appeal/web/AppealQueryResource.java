package cn.huiyin.appeal.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.application.AppealView;
import cn.huiyin.appeal.domain.ChainVerification;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/appeals/{trackingNo}}: status, handling unit and timeline, for whoever may see them. */
@Path("/api/v1/appeals/{trackingNo}")
@Produces(MediaType.APPLICATION_JSON)
public class AppealQueryResource {

    @Inject
    AppealQueryService appeals;

    @Inject
    CurrentCaller caller;

    /** The query code may come as {@code X-Query-Code} (preferred: stays out of logs) or {@code ?queryCode=}. */
    @GET
    public Uni<AppealView> get(@RestPath String trackingNo, @RestHeader("X-Query-Code") String headerCode,
            @RestQuery String queryCode) {
        return caller.get().chain(who -> appeals.view(trackingNo, headerCode != null ? headerCode : queryCode, who));
    }

    /** Recomputes the appeal's event hash chain: has any stored event been altered, removed or reordered? */
    @GET
    @Path("/integrity")
    @RolesAllowed({ Roles.ADMIN, Roles.DISTRICT_LEADER })
    public Uni<ChainVerification> integrity(@RestPath String trackingNo) {
        return appeals.verifyChain(trackingNo);
    }
}
