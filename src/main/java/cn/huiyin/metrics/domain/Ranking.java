package cn.huiyin.metrics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly ranking (榜单): units or streets ordered by a composite score, the weighted mean of their rates in
 * percent. A rate with an empty denominator is left out and the remaining weights share its part, so a unit is
 * not punished nor rewarded for what it had no occasion to do. Entries with fewer appeals than the minimum are
 * listed after the ranked ones, unranked.
 */
public final class Ranking {

    /** One line of the ranking; {@code place} is 0 for an unranked entry. */
    public record Entry(int place, String code, long appeals, Double score, Map<Figure, Double> rates) {
    }

    private Ranking() {
    }

    public static List<Entry> rank(Map<String, Rollup> byCode, RankingWeights weights, int minimumAppeals) {
        List<Entry> scored = new ArrayList<>();
        List<Entry> unranked = new ArrayList<>();
        byCode.forEach((code, rollup) -> {
            Map<Figure, Double> rates = new EnumMap<>(Figure.class);
            weights.byFigure().keySet().forEach(f -> rates.put(f, f.of(rollup)));
            Double score = score(rates, weights);
            long appeals = rollup.count(Count.RECEIVED);
            Entry entry = new Entry(0, code, appeals, score, rates);
            (score != null && appeals >= minimumAppeals ? scored : unranked).add(entry);
        });
        scored.sort(Comparator.comparing(Entry::score).reversed().thenComparing(Entry::code));
        unranked.sort(Comparator.comparing(Entry::code));
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Entry e = scored.get(i);
            boolean tie = i > 0 && e.score().equals(scored.get(i - 1).score());
            int place = tie ? ranked.get(i - 1).place() : i + 1;
            ranked.add(new Entry(place, e.code(), e.appeals(), e.score(), e.rates()));
        }
        ranked.addAll(unranked);
        return ranked;
    }

    static Double score(Map<Figure, Double> rates, RankingWeights weights) {
        double weighted = 0;
        double used = 0;
        for (Map.Entry<Figure, Double> w : weights.byFigure().entrySet()) {
            Double rate = rates.get(w.getKey());
            if (rate != null && w.getValue() > 0) {
                weighted += rate * w.getValue();
                used += w.getValue();
            }
        }
        return used == 0 ? null : Math.round(weighted / used * 10000) / 100.0;
    }
}
