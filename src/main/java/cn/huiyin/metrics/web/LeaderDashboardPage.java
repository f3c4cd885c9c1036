package cn.huiyin.metrics.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.hotspot.application.HotSpotView;
import cn.huiyin.hotspot.application.HotSpots;
import cn.huiyin.knowledge.application.Deflection;
import cn.huiyin.knowledge.application.Deflections;
import cn.huiyin.metrics.application.MetricsQueryService;
import cn.huiyin.metrics.application.MetricsQueryService.Drilldown;
import cn.huiyin.metrics.application.MetricsQueryService.TrendPoint;
import cn.huiyin.metrics.application.MetricsQueryService.UnitSpeed;
import cn.huiyin.metrics.application.Query;
import cn.huiyin.metrics.application.SummaryView;
import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.Figure;
import cn.huiyin.metrics.persistence.FactReadRepository.FactRow;
import cn.huiyin.metrics.persistence.UnitDirectory;
import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.risk.application.ExpectedLate;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The leaders' dashboard (Chinese): period and unit filters, the published rates with their formulas, the trend
 * (ECharts, served from the application), the slowest units, the overdue backlog and the hot spots (热点问题, 每月一题);
 * every figure links to the list of its appeals. Signed in with the {@code huiyin_token} cookie like the other staff
 * pages.
 */
@Path("/leader/metrics")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.DISTRICT_LEADER, Roles.UNIT_LEADER, Roles.ADMIN })
public class LeaderDashboardPage {

    static final String DRILLDOWN_PAGE = "/leader/metrics/drilldown";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Query query, boolean unitFixed, SummaryView summary,
                List<RateCard> rates, List<CountCard> supervision, String trendJson, List<UnitSpeed> slowest,
                Drilldown overdue, ExpectedLateView expectedLate, List<HotSpotView> hotSpots, Deflection deflection,
                Map<String, String> units, Map<String, String> streets, Map<String, String> categories);

        static native TemplateInstance drilldown(Query query, Drilldown page, String nextLink, String backLink,
                Map<String, String> units, Map<String, String> categories);

        static native TemplateInstance hotspot(HotSpotView spot, String ownUnit, Map<String, String> units,
                Map<String, String> categories);

        static native TemplateInstance hotspotMissing();
    }

    /** How many hot spots the dashboard lists; the API and the dispatcher's desk list more. */
    static final int HOT_SPOTS_SHOWN = 10;

    /** A rate as the page shows it, with its links; {@code complement}: shown as 1 − numerator ÷ denominator. */
    public record RateCard(String label, String percent, boolean complement, long numerator, long denominator,
            String numeratorLink, String denominatorLink, String numeratorLabel, String denominatorLabel, String formula) {
    }

    /** A counted set as the page shows it, linked to its appeals. */
    public record CountCard(String label, long value, String link) {
    }

    /**
     * Appeals expected late now (预计超时), in the unit asked or the whole district: how many per unit, the riskiest,
     * and from which probability an appeal counts.
     */
    public record ExpectedLateView(String threshold, Map<String, Long> byUnit, List<ExpectedLate> riskiest) {
    }

    /** The supervision orders' sets, shown together under 督办单. */
    static final List<Count> SUPERVISION = List.of(Count.SUPERVISED, Count.SUPERVISION_ON_TIME, Count.SUPERVISION_CLIMBED);

    @Inject
    MetricsQueryService metrics;

    @Inject
    UnitDirectory directory;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Inject
    BreachRisks risks;

    @Inject
    HotSpots hotSpots;

    @Inject
    Deflections deflections;

    @GET
    public Uni<TemplateInstance> dashboard(@RestQuery String from, @RestQuery String to, @RestQuery String unit,
            @RestQuery String street, @RestQuery String category) {
        Query asked = QueryParams.parse(metrics.today(), from, to, unit, street, category);
        return caller.get().chain(who -> {
            Query query = metrics.scoped(who, asked);
            boolean unitFixed = who.hasRole(Roles.UNIT_LEADER);
            // Uni.combine takes nine at most: the knowledge base's deflection (分流率) is read first. The summary, trend
            // and slowest units share one read of the rollups.
            return deflections.deflection(query.from(), query.to(), query.unit()).chain(deflection -> Uni.combine().all()
                    .unis(metrics.dashboard(query, 10), metrics.drilldown(query, "OVERDUE", null, 0, 20),
                            expectedLate(query),
                            hotSpots.list(who, query.unit(), query.category(), query.street(), HotSpots.Order.LARGEST,
                                    HOT_SPOTS_SHOWN), directory.all(),
                            directory.streets(), directory.categories())
                    .with((figures, overdue, expectedLate, spots, units, streets, categories) -> Templates
                            .dashboard(query, unitFixed, figures.summary(), cards(query, figures.summary()),
                                    supervision(query, figures.summary()), trendJson(figures.trend()), figures.slowest(),
                                    overdue, expectedLate, spots, deflection, units, streets, categories)));
        });
    }

    private Uni<ExpectedLateView> expectedLate(Query query) {
        return Uni.combine().all().unis(risks.expectedLateByUnit(), risks.expectedLate(query.unit(), 10))
                .with((byUnit, riskiest) -> {
                    Map<String, Long> shown = new LinkedHashMap<>();
                    byUnit.forEach((unit, n) -> {
                        if (query.unit() == null || query.unit().equals(unit)) {
                            shown.put(unit, n);
                        }
                    });
                    return new ExpectedLateView(Math.round(risks.expectedLateAt() * 100) + "%", shown, riskiest);
                });
    }

    @GET
    @Path("drilldown")
    public Uni<TemplateInstance> drilldown(@RestQuery String figure, @RestQuery String from, @RestQuery String to,
            @RestQuery String unit, @RestQuery String street, @RestQuery String category, @RestQuery String age,
            @RestQuery Long after) {
        Query asked = QueryParams.parse(metrics.today(), from, to, unit, street, category);
        String name = figure == null ? "RECEIVED" : figure;
        return caller.get().chain(who -> {
            Query query = metrics.scoped(who, asked);
            return Uni.combine().all().unis(metrics.drilldown(query, name, QueryParams.blank(age),
                    after == null ? 0 : after, 100), directory.all(), directory.categories())
                    .with((page, units, categories) -> Templates.drilldown(query, page, page.next() == null ? null
                            : query.link(DRILLDOWN_PAGE, name, QueryParams.blank(age)) + "&after=" + page.next(),
                            query.link("/leader/metrics", name, null), units, categories));
        });
    }

    /**
     * One hot spot (热点问题) and its appeals, as the dashboard links it; a unit leader's appeals link to their pages in
     * the work queue (the district has no appeal page of its own).
     */
    @GET
    @Path("hotspots/{id}")
    public Uni<Response> hotspot(@RestPath long id) {
        return caller.get().chain(who -> Uni.combine().all().unis(hotSpots.one(who, id), directory.all(),
                directory.categories()).with((spot, units, categories) -> spot
                        .map(s -> Response.ok(Templates.hotspot(s, who.hasRole(Roles.UNIT_LEADER) ? who.unitCode() : null,
                                units, categories)).build())
                        .orElseGet(() -> Response.status(404).entity(Templates.hotspotMissing()).build())));
    }

    /** The channel as the page names it (网页, 电话, 微信). */
    @TemplateExtension
    static String channelLabel(FactRow row) {
        return Arrays.stream(Channel.values()).filter(c -> c.name().equals(row.channel())).findFirst()
                .map(Channel::label).orElse(row.channel() == null ? "—" : row.channel());
    }

    private static List<RateCard> cards(Query query, SummaryView summary) {
        List<RateCard> cards = new ArrayList<>();
        for (SummaryView.RateView r : summary.rates()) {
            Figure f = Figure.valueOf(r.figure());
            cards.add(new RateCard(r.label(), r.value() == null ? "—" : String.format("%.1f%%", r.value() * 100),
                    r.complement(), r.numerator(), r.denominator(), query.link(DRILLDOWN_PAGE, r.numeratorCount(), null),
                    query.link(DRILLDOWN_PAGE, r.denominatorCount(), null), f.numerator().label(),
                    f.denominator().label(), r.formula()));
        }
        return cards;
    }

    private static List<CountCard> supervision(Query query, SummaryView summary) {
        return SUPERVISION.stream().map(c -> new CountCard(c.label(), summary.counts().get(c.name()).value(),
                query.link(DRILLDOWN_PAGE, c.name(), null))).toList();
    }

    private String trendJson(List<TrendPoint> trend) {
        try {
            return json.writeValueAsString(trend);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
