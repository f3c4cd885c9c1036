package cn.huiyin.appeal.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.appeal.application.RevealAudit;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/admin/personal-data-reveals}: the audit of contact fields shown in full, newest first. */
@Path("/api/v1/admin/personal-data-reveals")
@Produces(MediaType.APPLICATION_JSON)
// the auditor (安全审计员) and the district leader, who answers for the staff's conduct; not the system administrator,
// whose own actions are among what is audited (等保三级 separation of duties, docs/operations.md)
@RolesAllowed({ Roles.AUDITOR, Roles.DISTRICT_LEADER })
public class RevealAuditResource {

    @Inject
    RevealAudit audit;

    @GET
    public Uni<RevealAudit.Report> list(@RestQuery String from, @RestQuery String to, @RestQuery String unit) {
        return audit.report(audit.period(from, to, unit));
    }
}
