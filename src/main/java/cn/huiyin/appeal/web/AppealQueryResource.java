package cn.huiyin.appeal.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.application.AppealView;
import cn.huiyin.appeal.application.PersonalDataReveals;
import cn.huiyin.appeal.domain.ChainVerification;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.GuessThrottle;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** {@code GET /api/v1/appeals/{trackingNo}}: status, handling unit and timeline, for whoever may see them. */
@Path("/api/v1/appeals/{trackingNo}")
@Produces(MediaType.APPLICATION_JSON)
public class AppealQueryResource {

    @Inject
    AppealQueryService appeals;

    @Inject
    CurrentCaller caller;

    @Inject
    PersonalDataReveals reveals;

    /**
     * The query code may come as {@code X-Query-Code} (preferred: stays out of logs) or {@code ?queryCode=}. Wrong codes
     * are counted per appeal and per client address; too many, and the next attempts are {@code 429} for a while.
     */
    @GET
    public Uni<AppealView> get(@RestPath String trackingNo, @RestHeader("X-Query-Code") String headerCode,
            @RestQuery String queryCode, HttpServerRequest request) {
        return caller.get().chain(who -> appeals.view(trackingNo, headerCode != null ? headerCode : queryCode, who,
                GuessThrottle.clientOf(request)));
    }

    public record RevealRequest(String field, String purpose) {
    }

    /** Shows a masked contact field in full, for a stated purpose; the reveal is audited. */
    @POST
    @Path("/personal-data")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISTRICT_LEADER, Roles.ADMIN })
    public Uni<PersonalDataReveals.Revealed> reveal(@RestPath String trackingNo, RevealRequest body) {
        if (body == null || body.field() == null || !PersonalDataReveals.FIELDS.contains(body.field())) {
            throw ProblemException.badRequest("field", "field is contactName or contactMobile");
        }
        String purpose = body.purpose() == null ? "" : body.purpose().strip();
        if (purpose.length() < 2 || purpose.length() > 200 || Text.hasControlCharacter(purpose)) {
            throw ProblemException.badRequest("purpose", "Say why, in 2 to 200 characters (e.g. 回访企业)");
        }
        return caller.get().chain(who -> reveals.reveal(trackingNo, who, body.field(), purpose));
    }

    /** Recomputes the appeal's event hash chain: has any stored event been altered, removed or reordered? */
    @GET
    @Path("/integrity")
    @RolesAllowed({ Roles.ADMIN, Roles.DISTRICT_LEADER, Roles.AUDITOR })
    public Uni<ChainVerification> integrity(@RestPath String trackingNo) {
        return appeals.verifyChain(trackingNo);
    }
}
