package cn.huiyin.channel.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.application.AppealView;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.AppealSummary;
import cn.huiyin.evaluation.application.RatingInvitations;
import cn.huiyin.evaluation.application.RatingInvitations.Invitation;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * A signed-in enterprise's own appeals (Chinese): every appeal filed under its credit code, whichever channel it came
 * by, and each one as the lookup page shows it, with the answer to rate, without a query code.
 */
@Path("/appeals/mine")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ENTERPRISE)
public class EnterpriseAppealsPage {

    /** How many of its latest appeals the list shows. */
    static final int LIST_LENGTH = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String enterprise, List<AppealSummary> appeals);

        static native TemplateInstance detail(AppealView appeal, String categoryName, Invitation invitation);

        static native TemplateInstance missing(String trackingNo);
    }

    @Inject
    CurrentCaller caller;

    @Inject
    AppealQueryService appeals;

    @Inject
    Catalogues catalogue;

    @Inject
    RatingInvitations invitations;

    @GET
    public Uni<TemplateInstance> list() {
        return caller.get().chain(enterprise -> enterprise.uscc() == null
                ? Uni.createFrom().item(Templates.list(enterprise.username(), List.of()))
                : appeals.recentByUscc(enterprise.uscc(), LIST_LENGTH)
                        .map(recent -> Templates.list(enterpriseName(recent, enterprise), recent)));
    }

    /** The same view and the same rating link as the lookup page; another enterprise's appeal is "not found". */
    @GET
    @Path("{trackingNo}")
    public Uni<Response> detail(@PathParam("trackingNo") String trackingNo) {
        return caller.get().chain(enterprise -> appeals.view(trackingNo, null, enterprise))
                .chain(appeal -> Uni.combine().all().unis(catalogue.current(), invitations.forAppellant(appeal.trackingNo()))
                        .with((c, invitation) -> Response.ok(Templates.detail(appeal,
                                AppealPages.categoryName(c, appeal.category()), invitation.orElse(null))).build()))
                .onFailure(ProblemException.class).recoverWithItem(() -> Response.status(404)
                        .entity(Templates.missing(trackingNo.length() > 40 ? trackingNo.substring(0, 40) : trackingNo)).build());
    }

    private static String enterpriseName(List<AppealSummary> recent, Caller enterprise) {
        return recent.stream().map(AppealSummary::enterpriseName).filter(name -> name != null && !name.isBlank()).findFirst()
                .orElse(enterprise.uscc());
    }

    /** 已受理, 办理中 …: the status in Chinese. */
    @io.quarkus.qute.TemplateExtension
    static String statusName(AppealSummary recent) {
        return AppealStatus.valueOf(recent.status()).label();
    }
}
