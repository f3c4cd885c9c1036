package cn.huiyin.metrics.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.metrics.application.MetricsQueryService;
import cn.huiyin.metrics.application.RankingService;
import cn.huiyin.metrics.application.RankingService.Line;
import cn.huiyin.metrics.application.RankingService.RankingView;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The monthly ranking (榜单): public as a page ({@code /ranking}) and as data ({@code /api/v1/rankings}), with no
 * personal data; the spreadsheet for the leading-group office ({@code /api/v1/metrics/ranking.xlsx}) needs a
 * district leader.
 */
@Path("/")
public class RankingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ranking(List<RankingView> views, String month, String previous,
                String next);
    }

    @Inject
    RankingService rankings;

    @Inject
    MetricsQueryService metrics;

    @GET
    @Path("ranking")
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    public Uni<TemplateInstance> page(@RestQuery String month) {
        YearMonth m = QueryParams.month(metrics.today(), month);
        return Uni.combine().all().unis(rankings.ranking(m, false), rankings.ranking(m, true))
                .with((units, streets) -> Templates.ranking(List.of(units, streets), m.toString(), m.minusMonths(1).toString(),
                        m.plusMonths(1).toString()));
    }

    /** The composite score as published: two decimals, the precision at which places are decided. */
    @TemplateExtension
    static String scoreShown(Line line) {
        return line.score() == null ? "—" : String.format(Locale.ROOT, "%.2f", line.score());
    }

    /** The rates in percent with one decimal, as on the leaders' dashboard; — without a denominator. */
    @TemplateExtension
    static List<String> ratesShown(Line line) {
        return line.ratesPercent().values().stream()
                .map(rate -> rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate)).toList();
    }

    @GET
    @Path("api/v1/rankings")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public Uni<RankingView> data(@RestQuery String month, @RestQuery String by) {
        if (by != null && !by.equals("unit") && !by.equals("street")) {
            throw ProblemException.badRequest("by", "by is unit or street");
        }
        return rankings.ranking(QueryParams.month(metrics.today(), month), "street".equals(by));
    }
}
