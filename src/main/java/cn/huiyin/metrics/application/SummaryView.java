package cn.huiyin.metrics.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.Figure;
import cn.huiyin.metrics.domain.OverdueAge;
import cn.huiyin.metrics.domain.Rollup;

/** The answer of {@code GET /api/v1/metrics/summary}: every count and rate with its formula and drill-down link. */
public record SummaryView(LocalDate from, LocalDate to, String unit, String street, String category,
        Map<String, CountView> counts, List<RateView> rates, Distribution responseWorkingMinutes,
        Distribution handlingWorkingMinutes, Custody custody, Backlog overdue, String basis) {

    public static final String BASIS = "按受理日期统计：所选期间内受理的诉求，其响应、办结、评价等情况计入该期间；"
            + "时长均为工作时间（分钟），按区工作日历和办公时间计算；超期积压为当前未办结且已超过处置时限的诉求。";

    public record CountView(String label, long value, String drilldown) {
    }

    /** {@code complement}: the value is 1 − numerator ÷ denominator (the numerator counts what should not happen). */
    public record RateView(String figure, String label, Double value, boolean complement, long numerator,
            long denominator, String numeratorCount, String denominatorCount, String formula,
            String numeratorDrilldown, String denominatorDrilldown) {
    }

    public record Distribution(long appeals, Long p50, Long p90, Long p99) {

        /** The recorded value at the percentile, as the low end of its bucket (exact up to 255 minutes, within 1 % above). */
        static long at(Histogram h, double percentile) {
            return h.lowestEquivalentValue(h.getValueAtPercentile(percentile));
        }

        static Distribution of(Histogram h) {
            long n = h.getTotalCount();
            return n == 0 ? new Distribution(0, null, null, null)
                    : new Distribution(n, at(h, 50), at(h, 90), at(h, 99));
        }
    }

    public record Custody(long appeals, Long averageWorkingMinutes, String formula) {
    }

    public record Bucket(String age, String label, long count, String drilldown) {
    }

    public record Backlog(long total, List<Bucket> buckets, String drilldown) {
    }

    static SummaryView of(Query q, Rollup rollup, Map<OverdueAge, Long> overdue) {
        Map<String, CountView> counts = new LinkedHashMap<>();
        for (Count c : Count.values()) {
            counts.put(c.name(), new CountView(c.label(), rollup.count(c), q.drilldown(c.name(), null)));
        }
        List<RateView> rates = new ArrayList<>();
        for (Figure f : Figure.values()) {
            rates.add(new RateView(f.name(), f.label(), f.of(rollup), f.complement(), rollup.count(f.numerator()),
                    rollup.count(f.denominator()), f.numerator().name(), f.denominator().name(), f.formula(),
                    q.drilldown(f.numerator().name(), null), q.drilldown(f.denominator().name(), null)));
        }
        Custody custody = new Custody(rollup.custodyAppeals(), rollup.custodyAppeals() == 0 ? null
                : Math.round((double) rollup.custodyMinutes() / rollup.custodyAppeals()),
                "承办单位最后一次接手（派单、转办、重派）至首次答复的工作时间之和 ÷ 已答复诉求数");
        List<Bucket> buckets = new ArrayList<>();
        long total = 0;
        for (Map.Entry<OverdueAge, Long> e : overdue.entrySet()) {
            total += e.getValue();
            buckets.add(new Bucket(e.getKey().name(), e.getKey().label(), e.getValue(),
                    q.drilldown("OVERDUE", e.getKey().name())));
        }
        return new SummaryView(q.from(), q.to(), q.unit(), q.street(), q.category(), counts, rates,
                Distribution.of(rollup.response()), Distribution.of(rollup.handling()), custody,
                new Backlog(total, buckets, q.drilldown("OVERDUE", null)), BASIS);
    }
}
