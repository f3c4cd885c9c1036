package cn.huiyin.sla.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.CalendarImport;
import cn.huiyin.sla.application.ClockPreview;
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.sla.application.ClockRetiming;
import cn.huiyin.sla.application.ClockViews;
import io.smallrye.mutiny.Uni;

/** SLA rules, the work calendar, and checks for administrators. */
@Path("/api/v1/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

    public record CalendarStatus(Set<Integer> loadedYears, Set<Integer> missingYears, String zone,
            List<String> officeHours) {
    }

    public record Recomputed(int clocksRetimed) {
    }

    @Inject
    ClockViews clocks;

    @Inject
    ClockRetiming retiming;

    @Inject
    SlaCalendar calendar;

    @Inject
    CalendarImport calendarImport;

    @Inject
    Clock clock;

    /** Each clock's due time for such an appeal from {@code from}, under the current rules. */
    @GET
    @Path("/preview")
    @RolesAllowed({ Roles.ADMIN, Roles.DISPATCHER, Roles.DISTRICT_LEADER })
    public Uni<List<ClockPreview>> preview(@RestQuery String appealType, @RestQuery String category,
            @RestQuery String urgent, @RestQuery String from) {
        if (appealType == null || Arrays.stream(AppealType.values()).noneMatch(t -> t.name().equals(appealType))) {
            throw ProblemException.badRequest("appealType", "appealType is one of " + Arrays.toString(AppealType.values()));
        }
        if (urgent != null && !urgent.equals("true") && !urgent.equals("false")) {
            throw ProblemException.badRequest("urgent", "urgent is true or false");
        }
        Instant start = from == null ? clock.instant() : Timestamps.parse(from).orElseThrow(() -> ProblemException
                .badRequest("from", "from is an ISO-8601 instant in years 1-9999, e.g. 2026-09-30T08:00:00Z"));
        String cat = category == null || category.isBlank() ? null : category;
        return clocks.preview(appealType, cat, Boolean.parseBoolean(urgent), start);
    }

    @GET
    @Path("/calendar")
    public Uni<CalendarStatus> calendar() {
        return calendar.calculator().map(calc -> new CalendarStatus(calc.calendar().loadedYears(),
                calendar.missingYearsAround(calc.calendar()), calc.calendar().zone().getId(),
                calc.calendar().officeHours().stream().map(Object::toString).toList()));
    }

    /** Imports a year's official notice: {@code date,kind,name} lines, kind HOLIDAY or WORKDAY. */
    @POST
    @Path("/calendar")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.ADMIN)
    public Uni<CalendarImport.Result> importCalendar(String csv) {
        return calendarImport.importCsv(csv, "imported by an administrator");
    }

    /** Re-times running clocks after the calendar or the office hours changed. Safe to repeat. */
    @POST
    @Path("/recompute")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Recomputed> recompute() {
        return retiming.recompute().map(Recomputed::new);
    }
}
