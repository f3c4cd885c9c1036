package cn.huiyin.hotspot.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a grouping matches the truth, by pairs of appeals: precision (of the pairs put together, the share about
 * one problem), recall (of the pairs about one problem, the share put together), their F1, and the adjusted Rand
 * index (agreement on all pairs, 0 for chance, 1 for perfect).
 */
record GroupingScores(double precision, double recall, double f1, double adjustedRand) {

    /** {@code found} and {@code truth}: each appeal's group and its true problem, in the same order. */
    static <A, B> GroupingScores of(List<A> found, List<B> truth) {
        Map<A, Long> foundSizes = new HashMap<>();
        Map<B, Long> trueSizes = new HashMap<>();
        Map<List<Object>, Long> both = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            foundSizes.merge(found.get(i), 1L, Long::sum);
            trueSizes.merge(truth.get(i), 1L, Long::sum);
            both.merge(List.of(found.get(i), truth.get(i)), 1L, Long::sum);
        }
        double together = foundSizes.values().stream().mapToDouble(GroupingScores::pairs).sum();
        double same = trueSizes.values().stream().mapToDouble(GroupingScores::pairs).sum();
        double right = both.values().stream().mapToDouble(GroupingScores::pairs).sum();
        double precision = together == 0 ? 1 : right / together;
        double recall = same == 0 ? 1 : right / same;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double expected = together * same / pairs(found.size());
        double best = (together + same) / 2;
        double adjustedRand = best == expected ? 1 : (right - expected) / (best - expected);
        return new GroupingScores(precision, recall, f1, adjustedRand);
    }

    static GroupingScores mean(List<GroupingScores> runs) {
        return new GroupingScores(runs.stream().mapToDouble(GroupingScores::precision).average().orElse(0),
                runs.stream().mapToDouble(GroupingScores::recall).average().orElse(0),
                runs.stream().mapToDouble(GroupingScores::f1).average().orElse(0),
                runs.stream().mapToDouble(GroupingScores::adjustedRand).average().orElse(0));
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
