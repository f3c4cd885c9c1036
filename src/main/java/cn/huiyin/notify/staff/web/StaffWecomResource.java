package cn.huiyin.notify.staff.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.notify.staff.application.StaffWecomIds;
import cn.huiyin.notify.staff.persistence.NoticeRosterRepository.WecomId;
import cn.huiyin.notify.staff.persistence.NoticeRosterRepository.WecomIdTaken;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * {@code PUT /api/v1/admin/staff/{username}/wecom}: which WeCom user a staff member is, so that their notices also
 * reach them in WeCom ({@code null} clears it). The security administrator's (安全管理员): which outside account a
 * staff member is decides who reads their notices, an identity matter kept apart from the system administrator's
 * settings (等保三级 separation of duties, docs/operations.md).
 */
@Path("/api/v1/admin/staff/{username}/wecom")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY_ADMIN)
public class StaffWecomResource {

    static final String BODY_REQUIRED = "is required: a JSON object";
    static final String WECOM_USER_ID = "is 1 to 64 letters, digits or _ - @ . and starts with a letter or digit";

    /** WeCom's own rule for a member's UserID (成员UserID). */
    public record WecomUser(
            @FreeText(max = 64, optional = true, message = WECOM_USER_ID)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_@.-]{0,63}", message = WECOM_USER_ID) String wecomUserId) {
    }

    @Inject
    StaffWecomIds ids;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<WecomId> set(@RestPath String username, @NotNull(message = BODY_REQUIRED) @Valid WecomUser body) {
        return ids.set(username, body.wecomUserId() == null ? null : body.wecomUserId().strip())
                .map(set -> set.orElseThrow(() -> ProblemException.notFound("Staff member " + username)))
                .onFailure(WecomIdTaken.class).transform(taken -> new ProblemException(Problem.of(409,
                        "wecom-user-id-taken", "WeCom user id taken", taken.getMessage()).withField("wecomUserId")));
    }
}
