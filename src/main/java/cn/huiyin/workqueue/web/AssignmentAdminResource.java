package cn.huiyin.workqueue.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.domain.Uscc;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.AssignmentAdmin;
import cn.huiyin.workqueue.persistence.StaffRepository.KeyCommissioner;
import cn.huiyin.workqueue.persistence.StaffRepository.StaffMember;
import io.smallrye.mutiny.Uni;

/**
 * What assignment reads, kept without SQL: who is on duty (a unit leader for their unit, or an administrator),
 * and a key enterprise's named commissioner and backup in a unit (an administrator).
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentAdminResource {

    public record Duty(Boolean onDuty) {
    }

    public record Named(String commissioner, String backup) {
    }

    @Inject
    AssignmentAdmin admin;

    @Inject
    CurrentCaller caller;

    @PUT
    @Path("staff/{username}/duty")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT_LEADER })
    public Uni<StaffMember> duty(@RestPath String username, Duty body) {
        if (body == null || body.onDuty() == null) {
            throw ProblemException.badRequest("onDuty", "onDuty is true or false");
        }
        return caller.get().chain(who -> admin.setOnDuty(who, username, body.onDuty()));
    }

    @PUT
    @Path("key-enterprises/{uscc}/commissioners/{unit}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<KeyCommissioner> name(@RestPath String uscc, @RestPath String unit, Named body) {
        if (Uscc.parse(uscc).isEmpty()) {
            throw ProblemException.badRequest("uscc", "uscc is an 18-character unified social credit code");
        }
        if (body == null || body.commissioner() == null) {
            throw ProblemException.badRequest("commissioner", "Name the commissioner");
        }
        return admin.name(uscc, unit, body.commissioner(), body.backup());
    }

    @GET
    @Path("key-enterprises/{uscc}/commissioners")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<KeyCommissioner>> named(@RestPath String uscc) {
        return admin.named(uscc);
    }
}
