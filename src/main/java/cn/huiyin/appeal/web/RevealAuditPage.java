package cn.huiyin.appeal.web;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.appeal.application.RevealAudit;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The page (Chinese) of the personal-data audit: who saw which contact field of which appeal, when and why.
 * The filter is a GET form; a bad date or unit shows the form again with the reason (422).
 */
@Path("/admin/reveals")
@Produces(MediaType.TEXT_HTML)
// the auditor (安全审计员) and the district leader, who answers for the staff's conduct; not the system administrator,
// whose own actions are among what is audited (等保三级 separation of duties, docs/operations.md)
@RolesAllowed({ Roles.AUDITOR, Roles.DISTRICT_LEADER })
public class RevealAuditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Typed typed, RevealAudit.Report report, Map<String, String> units,
                Map<String, String> errors, int limit);
    }

    /** The filter as typed, shown again next to its errors. */
    public record Typed(String from, String to, String unit) {
    }

    private static final Map<String, String> MESSAGES = Map.of(
            "from", "起始日期须为有效日期，且不晚于截止日期，查询期间最长一年",
            "to", "截止日期须为有效日期（如 2026-10-01）",
            "unit", "请选择有效的承办单位");

    @Inject
    RevealAudit audit;

    @GET
    public Uni<Response> report(@RestQuery String from, @RestQuery String to, @RestQuery String unit) {
        Uni<RevealAudit.Report> report = Uni.createFrom().deferred(() -> audit.report(audit.period(from, to, unit)));
        return Uni.combine().all().unis(report, audit.units()).asTuple()
                .map(found -> {
                    RevealAudit.Report r = found.getItem1();
                    Typed typed = new Typed(r.from().toString(), r.to().toString(), r.unit());
                    return Response.ok(Templates.report(typed, r, found.getItem2(), Map.of(), RevealAudit.LIMIT)).build();
                })
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    String field = ((ProblemException) failure).problem().field();
                    if (field == null || !MESSAGES.containsKey(field)) {
                        return Uni.createFrom().failure(failure);
                    }
                    return audit.units().map(units -> Response.status(422).entity(Templates.report(new Typed(from, to, unit),
                            null, units, Map.of(field, MESSAGES.get(field)), RevealAudit.LIMIT)).build());
                });
    }
}
