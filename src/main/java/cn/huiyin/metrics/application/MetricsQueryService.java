package cn.huiyin.metrics.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.metrics.domain.CellKey;
import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.Figure;
import cn.huiyin.metrics.domain.MetricsScope;
import cn.huiyin.metrics.domain.OverdueAge;
import cn.huiyin.metrics.domain.Rollup;
import cn.huiyin.metrics.persistence.FactReadRepository;
import cn.huiyin.metrics.persistence.FactReadRepository.FactRow;
import cn.huiyin.metrics.persistence.RollupRepository;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.SlaConfig;
import io.smallrye.mutiny.Uni;

/** Answers leaders' questions from the rollups (figures) and the facts (drill-down, live backlog), scoped by role. */
@ApplicationScoped
public class MetricsQueryService {

    /** One page of the appeals behind a figure; {@code next} is the {@code after} of the next page, or null. */
    public record Drilldown(String figure, String label, List<FactRow> items, Long next) {
    }

    /** One point of the trend: a day (or month) and its rates. */
    public record TrendPoint(String period, long received, Map<Figure, Double> rates) {
    }

    /** A unit and its handling-time p90, for "slowest units". */
    public record UnitSpeed(String unit, long replied, Long p90HandlingMinutes, Double onTimeCompletion) {

        /** The on-time completion rate as the page shows it, e.g. {@code 83.3%}, or — without a denominator. */
        public String onTimePercent() {
            return onTimeCompletion == null ? "—" : String.format("%.1f%%", onTimeCompletion * 100);
        }
    }

    @Inject
    RollupRepository rollups;

    @Inject
    FactReadRepository facts;

    @Inject
    Clock clock;

    @Inject
    SlaConfig sla;

    /** The question limited to what the caller may see; 403 problem otherwise. */
    public Query scoped(Caller caller, Query query) {
        MetricsScope.Decision decision = MetricsScope.decide(caller.role(), caller.unitCode(), query.unit());
        if (!decision.allowed()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", decision.refusal()).withField("unit"));
        }
        return query.withUnit(decision.unit().orElse(null));
    }

    /** The dashboard's figures that come from the rollups, made from one read: summary, trend and slowest units. */
    public record DashboardFigures(SummaryView summary, List<TrendPoint> trend, List<UnitSpeed> slowest) {
    }

    public Uni<SummaryView> summary(Query query) {
        return Uni.combine().all().unis(rollups.read(query.filter(), false), facts.overdueByAge(query.filter(), clock.instant()))
                .with((read, overdue) -> SummaryView.of(query, merged(read.cells().values()), overdue));
    }

    /** The summary, the trend and the slowest units of one question, sharing one read of the rollups. */
    public Uni<DashboardFigures> dashboard(Query query, int slowestUnits) {
        boolean monthly = monthlyTrend(query);
        return Uni.combine().all().unis(rollups.read(query.filter(), !monthly),
                facts.overdueByAge(query.filter(), clock.instant()))
                .with((read, overdue) -> new DashboardFigures(SummaryView.of(query, merged(read.cells().values()), overdue),
                        trend(read, monthly), slowestUnits(read, slowestUnits)));
    }

    public Uni<Drilldown> drilldown(Query query, String figure, String age, long after, int limit) {
        if ("OVERDUE".equals(figure)) {
            OverdueAge bucket = age == null ? null : parse(OverdueAge.class, age, "age");
            return facts.overdue(query.filter(), clock.instant(), bucket, after, limit + 1)
                    .map(rows -> page(figure, bucket == null ? "超期未办结" : bucket.label(), rows, limit));
        }
        Count count = parse(Count.class, figure, "figure");
        return facts.inCount(query.filter(), count.bit(), after, limit + 1)
                .map(rows -> page(figure, count.label(), rows, limit));
    }

    /** Rates per day, or per month when the period is longer than three months. */
    public Uni<List<TrendPoint>> trend(Query query) {
        boolean monthly = monthlyTrend(query);
        return rollups.read(query.filter(), !monthly).map(read -> trend(read, monthly));
    }

    /** Units by handling-time p90, slowest first. */
    public Uni<List<UnitSpeed>> slowestUnits(Query query, int limit) {
        return rollups.read(query.filter(), false).map(read -> slowestUnits(read, limit));
    }

    /** Merged rollups per unit or street, for the ranking. */
    public Uni<Map<String, Rollup>> byEntity(Query query, Function<CellKey, String> entity) {
        return rollups.read(query.filter(), false).map(read -> group(read.cells(), entity));
    }

    static boolean monthlyTrend(Query query) {
        return query.from().plusMonths(3).isBefore(query.to());
    }

    /** Per month from the covering cells (a month's cell is keyed by its first day), per day from the daily counts. */
    static List<TrendPoint> trend(RollupRepository.Read read, boolean monthly) {
        Map<String, Rollup> byPeriod = new TreeMap<>();
        if (monthly) {
            byPeriod = group(read.cells(), cell -> cell.day().toString().substring(0, 7));
        } else {
            for (Map.Entry<LocalDate, Rollup> day : read.days().entrySet()) {
                byPeriod.put(day.getKey().toString(), day.getValue());
            }
        }
        List<TrendPoint> points = new ArrayList<>();
        byPeriod.forEach((period, rollup) -> {
            Map<Figure, Double> rates = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                rates.put(f, f.of(rollup));
            }
            points.add(new TrendPoint(period, rollup.count(Count.RECEIVED), rates));
        });
        return points;
    }

    static List<UnitSpeed> slowestUnits(RollupRepository.Read read, int limit) {
        return group(read.cells(), CellKey::unit).entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && e.getValue().handling().getTotalCount() > 0)
                .map(e -> new UnitSpeed(e.getKey(), e.getValue().count(Count.REPLIED),
                        SummaryView.Distribution.at(e.getValue().handling(), 90), Figure.ON_TIME_COMPLETION.of(e.getValue())))
                .sorted(Comparator.comparing(UnitSpeed::p90HandlingMinutes).reversed()).limit(limit).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(sla.zone())));
    }

    static Rollup merged(Iterable<Rollup> rollups) {
        Rollup total = new Rollup();
        rollups.forEach(total::merge);
        return total;
    }

    private static Map<String, Rollup> group(Map<CellKey, Rollup> cells, Function<CellKey, String> key) {
        Map<String, Rollup> groups = new TreeMap<>();
        cells.forEach((cell, rollup) -> groups.computeIfAbsent(key.apply(cell), k -> new Rollup()).merge(rollup));
        return groups;
    }

    private static Drilldown page(String figure, String label, List<FactRow> rows, int limit) {
        boolean more = rows.size() > limit;
        List<FactRow> items = more ? rows.subList(0, limit) : rows;
        return new Drilldown(figure, label, items, more ? items.get(items.size() - 1).appealId() : null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(field, field + " is not one of the published names (see docs/metrics.md)");
        }
    }
}
