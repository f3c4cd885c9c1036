package cn.huiyin.metrics.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.metrics.MetricsConfig;
import cn.huiyin.metrics.domain.CellKey;
import cn.huiyin.metrics.domain.Ranking;
import cn.huiyin.metrics.domain.RankingWeights;
import cn.huiyin.metrics.persistence.UnitDirectory;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The monthly ranking of units and of streets, with its published weights; as data, page and spreadsheet. */
@ApplicationScoped
public class RankingService {

    public static final String SCORE_FORMULA = "综合得分 = Σ(权重 × 指标率) ÷ Σ(参与计算的权重) × 100，保留两位小数；"
            + "指标为响应率、解决率、满意率、按期办结率和免督办率（1 − 被督办诉求数 ÷ 受理诉求数）；"
            + "某项指标当月无分母时不参与计算，其权重按比例分给其余指标；当月受理少于最低件数的单位列出但不排名。";

    /** One ranked line with names, rates in percent (null: no denominator). */
    public record Line(int place, String code, String name, long appeals, Double score, Map<String, Double> ratesPercent) {
    }

    /** The ranking of one month, by unit or by street. */
    public record RankingView(String month, String by, Map<String, Double> weights, int minimumAppeals, String formula,
            List<Line> lines) {
    }

    @Inject
    MetricsQueryService metrics;

    @Inject
    UnitDirectory directory;

    @Inject
    MetricsConfig config;

    public RankingWeights weights() {
        MetricsConfig.Ranking r = config.ranking();
        return new RankingWeights(r.responseRate(), r.resolutionRate(), r.satisfactionRate(), r.onTimeCompletion(),
                r.unsupervisedRate());
    }

    /** @param byStreet streets (街道) instead of units */
    public Uni<RankingView> ranking(YearMonth month, boolean byStreet) {
        Query query = new Query(month.atDay(1), month.atEndOfMonth(), null, null, null);
        RankingWeights weights = weights();
        return Uni.combine().all().unis(metrics.byEntity(query, byStreet ? CellKey::street : CellKey::unit),
                directory.all()).with((rollups, names) -> {
                    rollups.remove(CellKey.NONE);
                    List<Line> lines = new ArrayList<>();
                    for (Ranking.Entry e : Ranking.rank(rollups, weights, config.ranking().minimumAppeals())) {
                        Map<String, Double> rates = new LinkedHashMap<>();
                        e.rates().forEach((f, v) -> rates.put(f.label(), v == null ? null : Math.round(v * 1000) / 10.0));
                        lines.add(new Line(e.place(), e.code(), names.getOrDefault(e.code(), e.code()), e.appeals(),
                                e.score(), rates));
                    }
                    Map<String, Double> published = new LinkedHashMap<>();
                    weights.byFigure().forEach((f, w) -> published.put(f.label(), w));
                    return new RankingView(month.toString(), byStreet ? "street" : "unit", published,
                            config.ranking().minimumAppeals(), SCORE_FORMULA, lines);
                });
    }

    /** Both rankings of the month and the weights, as an .xlsx workbook. */
    public Uni<byte[]> workbook(YearMonth month) {
        return Uni.combine().all().unis(ranking(month, false), ranking(month, true)).with(MonthRankings::new)
                // POI is CPU-only but not quick here: about 3 s on first use (class loading), then 50–200 ms per
                // workbook until warm; the event loop must not wait that long, so a worker thread writes it
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(both -> RankingWorkbook.write(both.units(), both.streets(), weights()));
    }

    private record MonthRankings(RankingView units, RankingView streets) {
    }
}
