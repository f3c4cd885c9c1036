package cn.huiyin.metrics.web;

import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.metrics.application.MetricsQueryService;
import cn.huiyin.metrics.application.MetricsQueryService.Drilldown;
import cn.huiyin.metrics.application.Query;
import cn.huiyin.metrics.application.RankingService;
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

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    MetricsQueryService metrics;

    @Inject
    CurrentCaller caller;

    @Inject
    RankingService rankings;

    @GET
    @Path("summary")
    public Uni<SummaryView> summary(@RestQuery String from, @RestQuery String to, @RestQuery String unit,
            @RestQuery String street, @RestQuery String category) {
        Query query = QueryParams.parse(metrics.today(), from, to, unit, street, category);
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
        Query query = QueryParams.parse(metrics.today(), from, to, unit, street, category);
        return caller.get().chain(who -> metrics.drilldown(metrics.scoped(who, query), figure, QueryParams.blank(age),
                after == null ? 0 : after, size));
    }

    /** Both monthly rankings and the weights as a spreadsheet, for the leading-group office. */
    @GET
    @Path("ranking.xlsx")
    @Produces(XLSX)
    @RolesAllowed({ Roles.DISTRICT_LEADER, Roles.ADMIN })
    public Uni<Response> rankingWorkbook(@RestQuery String month) {
        YearMonth m = QueryParams.month(metrics.today(), month);
        return rankings.workbook(m).map(bytes -> Response.ok(bytes, XLSX)
                .header("Content-Disposition", "attachment; filename=\"ranking-" + m + ".xlsx\"").build());
    }
}
