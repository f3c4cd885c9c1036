package cn.huiyin.channel.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
import cn.huiyin.notify.staff.application.MaskedWorkMobiles;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.AppellantClocks;
import cn.huiyin.sla.application.AppellantClocks.DueTime;
import cn.huiyin.sla.application.AppellantClocks.DueTimes;
import cn.huiyin.workqueue.application.EnterpriseRegister;
import cn.huiyin.workqueue.application.EnterpriseRegister.Entry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * A signed-in enterprise's own appeals (Chinese): every appeal filed under its credit code, whichever channel it came
 * by, newest first with its status and the time limits it is promised (respond, handle), and each one as the lookup
 * page shows it, with the answer to rate, without a query code. Above the list, its 服务专员 card: who serves it.
 */
@Path("/appeals/mine")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ENTERPRISE)
public class EnterpriseAppealsPage {

    /** How many of its latest appeals the list shows. */
    static final int LIST_LENGTH = 100;

    /** One line of the list: the appeal, and its respond and handle clocks (null before it is dispatched). */
    public record Line(AppealSummary appeal, DueTime respond, DueTime handle) {
    }

    /** A unit's commissioner as the card shows them: masked work mobiles, null where there is none. */
    public record Commissioner(String unitName, String name, String mobile, String backupName, String backupMobile) {
    }

    /**
     * The 服务专员 card: a key enterprise's named commissioners per unit; empty for any other enterprise (and for a key
     * enterprise nobody is named for yet), whose appeals go to each unit's on-duty commissioners.
     */
    public record ServiceCard(boolean keyEnterprise, List<Commissioner> commissioners) {

        static final ServiceCard ON_DUTY = new ServiceCard(false, List.of());

        /** Whether the card shows a work mobile, so that it may say the calls come from it. */
        public boolean showsMobile() {
            return commissioners.stream().anyMatch(c -> c.mobile() != null || c.backupMobile() != null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String enterprise, List<Line> lines, ServiceCard card);

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

    @Inject
    AppellantClocks clocks;

    @Inject
    EnterpriseRegister register;

    @Inject
    MaskedWorkMobiles mobiles;

    @GET
    public Uni<TemplateInstance> list() {
        return caller.get().chain(enterprise -> enterprise.uscc() == null
                ? Uni.createFrom().item(Templates.list(enterprise.username(), List.of(), ServiceCard.ON_DUTY))
                : Uni.combine().all().unis(appeals.recentByUscc(enterprise.uscc(), LIST_LENGTH), register.entry(enterprise.uscc()))
                        .asTuple().chain(found -> {
                            List<AppealSummary> recent = found.getItem1();
                            Optional<Entry> entry = found.getItem2();
                            return Uni.combine().all().unis(clocks.of(recent.stream().map(AppealSummary::trackingNo).toList()),
                                    card(entry)).with((due, card) -> Templates.list(enterpriseName(entry, recent, enterprise),
                                            lines(recent, due), card));
                        }));
    }

    private static List<Line> lines(List<AppealSummary> recent, Map<String, DueTimes> due) {
        return recent.stream().map(a -> {
            DueTimes times = due.get(a.trackingNo());
            return new Line(a, times == null ? null : times.respond(), times == null ? null : times.handle());
        }).toList();
    }

    /** The named commissioners of a key enterprise with their work mobiles masked; otherwise the on-duty rule. */
    private Uni<ServiceCard> card(Optional<Entry> entry) {
        if (entry.isEmpty() || !entry.get().keyEnterprise()) {
            return Uni.createFrom().item(ServiceCard.ON_DUTY);
        }
        List<EnterpriseRegister.Named> named = entry.get().named();
        List<String> people = named.stream().flatMap(n -> Stream.of(n.commissioner(), n.backup()))
                .filter(name -> name != null).distinct().toList();
        return mobiles.of(people).map(masked -> new ServiceCard(true, named.stream()
                .map(n -> new Commissioner(n.unitName(), n.commissionerName(), masked.get(n.commissioner()), n.backupName(),
                        n.backup() == null ? null : masked.get(n.backup())))
                .toList()));
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

    /** The registered name; else the name its latest appeal gave; else its credit code. */
    private static String enterpriseName(Optional<Entry> entry, List<AppealSummary> recent, Caller enterprise) {
        return entry.map(Entry::name).filter(name -> !name.isBlank())
                .or(() -> recent.stream().map(AppealSummary::enterpriseName).filter(name -> name != null && !name.isBlank())
                        .findFirst())
                .orElse(enterprise.uscc());
    }

    /** 已受理, 办理中 …: the status in Chinese. */
    @io.quarkus.qute.TemplateExtension
    static String statusName(AppealSummary recent) {
        return AppealStatus.valueOf(recent.status()).label();
    }
}
