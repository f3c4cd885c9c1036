package cn.huiyin.metrics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.metrics.application.MetricsQueryService;
import cn.huiyin.metrics.application.MetricsQueryService.Drilldown;
import cn.huiyin.metrics.application.Query;
import cn.huiyin.metrics.application.SummaryView;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Leaders' figures: {@code summary} (every count and rate with its formula and drill-down link) and
 * {@code drilldown} (exactly the appeals behind a count, keyset paged). District leaders see all units; a unit
 * leader sees their own unit only.
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_LEADER, Roles.UNIT_LEADER, Roles.ADMIN })
public class MetricsResource {

    private static final int DEFAULT_DAYS = 30;

    @Inject
    MetricsQueryService metrics;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("summary")
    public Uni<SummaryView> summary(@RestQuery String from, @RestQuery String to, @RestQuery String unit,
            @RestQuery String street, @RestQuery String category) {
        Query query = query(from, to, unit, street, category);
        return caller.get().chain(who -> metrics.summary(metrics.scoped(who, query)));
    }

    @GET
    @Path("drilldown")
    public Uni<Drilldown> drilldown(@RestQuery String figure, @RestQuery String from, @RestQuery String to,
            @RestQuery String unit, @RestQuery String street, @RestQuery String category, @RestQuery String age,
            @RestQuery Long after, @RestQuery Integer limit) {
        if (figure == null || figure.isBlank()) {
            throw ProblemException.badRequest("figure", "figure names a count, e.g. RESPOND_ON_TIME, or OVERDUE");
        }
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw ProblemException.badRequest("limit", "limit is 1 to 500");
        }
        Query query = query(from, to, unit, street, category);
        return caller.get().chain(who -> metrics.drilldown(metrics.scoped(who, query), figure, blank(age),
                after == null ? 0 : after, size));
    }

    Query query(String from, String to, String unit, String street, String category) {
        LocalDate last = day(to, "to", metrics.today());
        LocalDate first = day(from, "from", last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        if (first.plusYears(10).isBefore(last)) {
            throw ProblemException.badRequest("from", "a period is at most ten years");
        }
        return new Query(first, last, blank(unit), blank(street), blank(category));
    }

    static LocalDate day(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, field + " is a date, e.g. 2026-10-01");
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
