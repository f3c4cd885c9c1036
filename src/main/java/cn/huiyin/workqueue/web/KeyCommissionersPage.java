package cn.huiyin.workqueue.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.UnitCode;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.AssignmentAdmin;
import cn.huiyin.workqueue.persistence.StaffRepository;
import cn.huiyin.workqueue.persistence.StaffRepository.KeyCommissioner;
import cn.huiyin.workqueue.persistence.StaffRepository.KeyEnterprise;
import cn.huiyin.workqueue.web.AssignmentAdminResource.Named;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Key enterprises' commissioners (重点企业服务专员, Chinese): per key enterprise and unit, the commissioner an
 * appeal of that enterprise goes to first, and a backup; set through the same service as the API.
 */
@Path("/admin/key-enterprises")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class KeyCommissionersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<KeyEnterprise> enterprises, int limit, String uscc, Map<String, String> errors);

        static native TemplateInstance enterprise(KeyEnterprise enterprise, List<KeyCommissioner> named, Map<String, String> units,
                Typed typed, Map<String, String> errors, String notice);
    }

    /** The form as typed, shown again next to its errors. */
    public record Typed(String unit, String commissioner, String backup) {

        static final Typed EMPTY = new Typed("", "", "");
    }

    /** The unit picked on the form (the API names it in the path). */
    record UnitPick(@UnitCode String unit) {
    }

    static final int LIMIT = 200;

    @Inject
    AssignmentAdmin admin;

    @Inject
    StaffRepository staff;

    @Inject
    Catalogues catalogue;

    @Inject
    Validator validator;

    /** The key enterprises; {@code ?uscc=} goes straight to one. */
    @GET
    public Uni<Response> list(@RestQuery String uscc) {
        if (uscc != null && !uscc.isBlank()) {
            Optional<String> code = KeyEnterpriseForm.lookup(uscc);
            if (code.isPresent()) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/admin/key-enterprises/" + code.get())).build());
            }
            return staff.keyEnterprises(LIMIT).map(found -> Response.status(422)
                    .entity(Templates.list(found, LIMIT, uscc, Map.of("uscc", "统一社会信用代码须为18位有效代码"))).build());
        }
        return staff.keyEnterprises(LIMIT).map(found -> Response.ok(Templates.list(found, LIMIT, "", Map.of())).build());
    }

    @GET
    @Path("{uscc}")
    public Uni<Response> enterprise(@RestPath String uscc, @RestQuery String ok) {
        return page(uscc, Typed.EMPTY, Map.of(), KeyEnterpriseForm.notice(ok), 200);
    }

    @POST
    @Path("{uscc}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> name(@RestPath String uscc, @RestForm String unit, @RestForm String commissioner,
            @RestForm String backup) {
        Typed typed = new Typed(unit, commissioner, backup);
        FormChecks checks = new FormChecks(validator);
        checks.check(new UnitPick(unit), Map.of("unit", "请选择单位"));
        Named named = checks.check(new Named(commissioner, backup),
                Map.of("commissioner", "服务专员用户名须为{min}至{max}字", "backup", "备岗专员用户名须为{min}至{max}字"));
        if (!checks.ok()) {
            return page(uscc, typed, checks.errors(), null, 422);
        }
        return catalogue.current().chain(rules -> {
            if (!rules.unitNames().containsKey(unit)) {
                return page(uscc, typed, Map.of("unit", "请选择有效的单位"), null, 422);
            }
            return admin.name(uscc, unit, Checked.text(named.commissioner()), Checked.optional(named.backup()))
                    .map(saved -> Response.seeOther(URI.create("/admin/key-enterprises/" + uscc + "?ok=named")).build())
                    .onFailure(ProblemException.class).recoverWithUni(failure -> {
                        String field = ((ProblemException) failure).problem().field();
                        Optional<String> notACommissioner = KeyEnterpriseForm.notACommissioner(field);
                        if (notACommissioner.isPresent()) {
                            return page(uscc, typed, Map.of(field, notACommissioner.get()), null, 422);
                        }
                        if ("uscc".equals(field)) {
                            return page(uscc, typed, Map.of(), null, 404);
                        }
                        return Uni.createFrom().failure(failure);
                    });
        });
    }

    /** The enterprise's page; one that is unknown or not a key enterprise is a 404 saying so. */
    private Uni<Response> page(String uscc, Typed typed, Map<String, String> errors, String notice, int status) {
        return staff.keyEnterprise(uscc).chain(found -> {
            if (found.isEmpty()) {
                return staff.keyEnterprises(LIMIT).map(all -> Response.status(404)
                        .entity(Templates.list(all, LIMIT, uscc, Map.of("uscc", "未找到该重点企业：企业须已登记为重点企业"))).build());
            }
            return Uni.combine().all().unis(admin.named(uscc), catalogue.current()).asTuple()
                    .map(both -> Response.status(status).entity(Templates.enterprise(found.get(), both.getItem1(),
                            new TreeMap<>(both.getItem2().unitNames()), typed, errors, notice)).build());
        });
    }
}
