package cn.huiyin.workqueue.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.validation.Uscc;
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

    public record Duty(@NotNull(message = "is true or false") Boolean onDuty) {
    }

    /** Usernames of commissioners of the unit (the service checks that they are); the page's form posts the same. */
    public record Named(@FreeText(max = 64) String commissioner, @FreeText(max = 64, optional = true) String backup) {
    }

    @Inject
    AssignmentAdmin admin;

    @Inject
    CurrentCaller caller;

    @PUT
    @Path("staff/{username}/duty")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT_LEADER })
    public Uni<StaffMember> duty(@RestPath String username, @NotNull(message = Checked.BODY_REQUIRED) @Valid Duty body) {
        return caller.get().chain(who -> admin.setOnDuty(who, username, body.onDuty()));
    }

    @PUT
    @Path("key-enterprises/{uscc}/commissioners/{unit}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<KeyCommissioner> name(@RestPath @Uscc String uscc, @RestPath String unit,
            @NotNull(message = Checked.BODY_REQUIRED) @Valid Named body) {
        return admin.name(uscc, unit, Checked.text(body.commissioner()), Checked.optional(body.backup()));
    }

    @GET
    @Path("key-enterprises/{uscc}/commissioners")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<KeyCommissioner>> named(@RestPath String uscc) {
        return admin.named(uscc);
    }
}
