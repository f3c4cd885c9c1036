package cn.huiyin.notify.staff.web;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.notify.staff.application.StaffMobiles;
import cn.huiyin.notify.staff.application.StaffMobiles.StaffMobile;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.Mobile;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * {@code PUT /api/v1/admin/staff/{username}/mobile}: a staff member's work mobile, so that their notices reach them
 * by SMS where WeCom does not ({@code null} or blank clears it). The security administrator's (安全管理员), like the
 * WeCom user id: a staff member's contact and the account their notices go to; the answer shows it masked.
 */
@Path("/api/v1/admin/staff/{username}/mobile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY_ADMIN)
public class StaffMobileResource {

    /** The work mobile, written as people write it (spaces, hyphens, +86). */
    public record WorkMobile(@Mobile(optional = true) String mobile) {

        /** Masked, so that a number never reaches a log line by accident. */
        @Override
        public String toString() {
            return "WorkMobile[" + MobileNumber.parse(mobile).map(MobileNumber::masked).orElse("none") + "]";
        }
    }

    @Inject
    StaffMobiles mobiles;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<StaffMobile> set(@RestPath String username,
            @NotNull(message = StaffWecomResource.BODY_REQUIRED) @Valid WorkMobile body) {
        // checked by @Mobile: a given number parses, and null or blank means none
        Optional<MobileNumber> mobile = MobileNumber.parse(body.mobile());
        return mobiles.set(username, mobile)
                .map(set -> set.orElseThrow(() -> ProblemException.notFound("Staff member " + username)));
    }
}
