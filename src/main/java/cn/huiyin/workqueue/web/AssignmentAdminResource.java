package cn.huiyin.workqueue.web;

import java.util.List;
import java.util.Objects;

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
import cn.huiyin.workqueue.persistence.StaffRepository;
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
    StaffRepository staff;

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
        return Uni.combine().all().unis(caller.get(), staff.find(username)).asTuple().chain(found -> {
            StaffMember member = found.getItem2().orElseThrow(() -> ProblemException.notFound("Staff member " + username));
            if (!found.getItem1().hasRole(Roles.ADMIN) && !Objects.equals(found.getItem1().unitCode(), member.unitCode())) {
                throw ProblemException.notFound("Staff member " + username); // another unit's staff are not theirs to see
            }
            return staff.setOnDuty(username, body.onDuty());
        });
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
        return staff.isKeyEnterprise(uscc).chain(key -> {
            if (!key) {
                throw ProblemException.badRequest("uscc", "The enterprise is not registered as a key enterprise (重点企业)");
            }
            Uni<Void> backupChecked = body.backup() == null ? Uni.createFrom().voidItem()
                    : commissionerOf(unit, body.backup(), "backup");
            return commissionerOf(unit, body.commissioner(), "commissioner").chain(() -> backupChecked)
                    .chain(() -> staff.name(new KeyCommissioner(uscc, unit, body.commissioner(), body.backup())));
        });
    }

    @GET
    @Path("key-enterprises/{uscc}/commissioners")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<KeyCommissioner>> named(@RestPath String uscc) {
        return staff.commissionersOf(uscc);
    }

    private Uni<Void> commissionerOf(String unit, String username, String field) {
        return staff.find(username).invoke(found -> {
            if (found.isEmpty() || !Roles.COMMISSIONER.equals(found.get().role()) || !unit.equals(found.get().unitCode())) {
                throw ProblemException.badRequest(field, username + " is not a commissioner of " + unit);
            }
        }).replaceWithVoid();
    }
}
