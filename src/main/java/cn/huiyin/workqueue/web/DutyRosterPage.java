package cn.huiyin.workqueue.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.pages.StaffNavigation;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.AssignmentAdmin;
import cn.huiyin.workqueue.persistence.StaffRepository;
import cn.huiyin.workqueue.persistence.StaffRepository.StaffMember;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The duty roster (值班安排, Chinese): a unit's staff and whether each is on duty, which is what automatic
 * assignment reads; a button per person puts them on or off duty through the same service as the API.
 */
@Path("/admin/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class DutyRosterPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance roster(Map<String, String> units, String unit, List<Person> staff, int limit,
                Map<String, String> errors, String notice);
    }

    /** A staff member as the roster shows them, the role in Chinese. */
    public record Person(String username, String displayName, String roleName, boolean onDuty) {
    }

    static final int LIMIT = 500;

    @Inject
    AssignmentAdmin admin;

    @Inject
    StaffRepository staff;

    @Inject
    Catalogues catalogue;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<Response> roster(@RestQuery String unit, @RestQuery String ok) {
        return page(unit, Map.of(), DutyRosterForm.notice(ok)).map(page -> page.build());
    }

    @POST
    @Path("{username}/duty")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> duty(@RestPath String username, @RestForm String onDuty, @RestForm String unit) {
        Optional<Boolean> chosen = DutyRosterForm.onDuty(onDuty);
        if (chosen.isEmpty()) {
            return page(unit, Map.of("onDuty", "请选择在岗或离岗"), null).map(page -> page.status(422).build());
        }
        boolean on = chosen.get();
        return caller.get().chain(who -> admin.setOnDuty(who, username, on))
                .map(member -> Response.seeOther(DutyRosterForm.after(member.unitCode(), on)).build())
                .onFailure(ProblemException.class).recoverWithUni(failure -> ((ProblemException) failure).problem().status() == 404
                        ? page(unit, Map.of("form", "未找到该工作人员"), null).map(page -> page.status(404).build())
                        : Uni.createFrom().failure(failure));
    }

    /** The roster of {@code unit} (none chosen: only the choice); an unknown unit is said so, with a 422. */
    private Uni<Response.ResponseBuilder> page(String unit, Map<String, String> errors, String notice) {
        return catalogue.current().chain(rules -> {
            Map<String, String> units = new TreeMap<>(rules.unitNames());
            String chosen = DutyRosterForm.unit(unit);
            if (chosen != null && !units.containsKey(chosen)) {
                return Uni.createFrom().item(Response.status(422)
                        .entity(Templates.roster(units, null, List.of(), LIMIT, Map.of("unit", "请选择有效的单位"), null)));
            }
            Uni<List<StaffMember>> members = chosen == null ? Uni.createFrom().item(List.of()) : staff.ofUnit(chosen, LIMIT);
            return members.map(found -> Response.ok(Templates.roster(units, chosen, found.stream()
                    .map(m -> new Person(m.username(), m.displayName(), StaffNavigation.roleName(m.role()), m.onDuty())).toList(),
                    LIMIT, errors, notice)));
        });
    }
}
