package cn.huiyin.routing.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import cn.huiyin.routing.application.CatalogueAdmin;
import cn.huiyin.routing.domain.CatalogueLine;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.routing.persistence.CatalogueVersionRepository;
import cn.huiyin.routing.persistence.CatalogueVersionRepository.Line;
import cn.huiyin.routing.persistence.CatalogueVersionRepository.Overview;
import cn.huiyin.routing.persistence.CatalogueVersionRepository.Version;
import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.PageTime;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The dispatch catalogue's administration page (派单目录, Chinese): the lines in force, changes dated ahead, one
 * line's history, and a form that adds a version of a line through the same service as the API. The effective
 * time is typed in Beijing time; empty means now.
 */
@Path("/admin/catalogue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class CatalogueAdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(List<Line> lines, List<Version> pending, List<Version> history,
                Map<String, String> rules, Typed typed, Map<String, String> errors, String notice);
    }

    /** The form as typed, shown again next to its errors. */
    public record Typed(String category, String name, String unitRule, String urgentHours, String keywords,
            String effectiveFrom, String reason) {

        static final Typed EMPTY = new Typed("", "", "", "", "", "", "");
    }

    private static final Map<String, String> DONE = Map.of("saved", "已保存，新版本已生效",
            "scheduled", "已保存，新版本将于生效时间自动生效");

    @Inject
    CatalogueAdmin admin;

    @Inject
    CatalogueVersionRepository versions;

    @Inject
    CatalogueRepository catalogue;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<Response> list(@RestQuery String ok) {
        return page(null, Typed.EMPTY, Map.of(), ok == null ? null : DONE.get(ok), 200);
    }

    /** One line: its history, and the form filled with the line in force. */
    @GET
    @Path("{category}")
    public Uni<Response> line(@RestPath String category, @RestQuery String ok) {
        return versions.lines().chain(lines -> {
            Line line = lines.stream().filter(l -> l.category().equals(category)).findFirst().orElse(null);
            Typed typed = line == null ? new Typed(category, "", "", "", "", "", "")
                    : new Typed(line.category(), line.name(), line.unitRule(),
                            line.urgentHours() == null ? "" : line.urgentHours().toString(), line.keywords(), "", "");
            return page(category, typed, Map.of(), ok == null ? null : DONE.get(ok), 200);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> change(@RestForm String category, @RestForm String name, @RestForm String unitRule,
            @RestForm String urgentHours, @RestForm String keywords, @RestForm String effectiveFrom, @RestForm String reason) {
        Typed typed = new Typed(category, name, unitRule, urgentHours, keywords, effectiveFrom, reason);
        String code = category == null ? null : category.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer hours = null;
        if (urgentHours != null && !urgentHours.isBlank()) {
            try {
                hours = Integer.valueOf(urgentHours.strip());
            } catch (NumberFormatException e) {
                errors.put("urgentHours", "紧急时限须为1至72的整数（小时），不设可留空");
            }
        }
        Instant from = null;
        if (effectiveFrom != null && !effectiveFrom.isBlank()) {
            from = beijingTime(effectiveFrom.strip());
            if (from == null) {
                errors.put("effectiveFrom", "生效时间格式不正确（北京时间，年份1至9999，如 2027-01-01T00:00），立即生效可留空");
            }
        }
        String historyOf = code == null || code.isEmpty() ? null : code;
        if (!errors.isEmpty()) {
            return page(historyOf, typed, errors, null, 422);
        }
        CatalogueLine line = new CatalogueLine(historyOf, blankToNull(name), blankToNull(unitRule), hours,
                keywords == null ? null : keywords.strip(), from, blankToNull(reason));
        return caller.get().chain(who -> admin.change(line, who))
                .map(version -> Response.seeOther(URI.create("/admin/catalogue/" + version.category() + "?ok="
                        + (version.appliedAt() == null ? "scheduled" : "saved"))).build())
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    Problem problem = ((ProblemException) failure).problem();
                    if (problem.errors() == null || problem.errors().isEmpty()) {
                        return Uni.createFrom().failure(failure);
                    }
                    Map<String, String> refused = new LinkedHashMap<>();
                    problem.errors().forEach(e -> refused.putIfAbsent(e.field(), e.messageZh()));
                    return page(historyOf != null && historyOf.matches("[A-Z][A-Z0-9_]*") ? historyOf : null, typed, refused, null, 422);
                });
    }

    /** The page: lines in force, pending changes, and the history of {@code category} when one is open. */
    private Uni<Response> page(String category, Typed typed, Map<String, String> errors, String notice, int status) {
        return Uni.combine().all().unis(versions.overview(category), catalogue.current()).asTuple()
                .map(found -> {
                    Map<String, String> rules = new LinkedHashMap<>();
                    new TreeMap<>(found.getItem2().unitNames()).forEach(rules::put);
                    rules.put(DispatchRule.BY_STREET, "属地街道（按企业所在街道）");
                    rules.put(DispatchRule.BY_DISPATCHER, "人工分拨（派单员指定）");
                    Overview overview = found.getItem1();
                    return Response.status(status).entity(Templates.catalogue(overview.lines(), overview.pending(),
                            overview.history(), rules, typed, errors, notice)).build();
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A Beijing time as the datetime-local input sends it; null if it is none or the database cannot store it. */
    private static Instant beijingTime(String typed) {
        try {
            Instant at = LocalDateTime.parse(typed).atZone(PageTime.BEIJING).toInstant();
            return Timestamps.storable(at) ? at : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
