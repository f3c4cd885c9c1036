package cn.huiyin.hotspot.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Joins groups that average linkage left apart although they are about one problem. That happens to a problem
 * raised by hundreds of enterprises: each text keeps only its closest few links, so two halves of such a group are
 * sparsely linked and their average falls under the threshold. Their centroids (the mean of their texts' vectors)
 * are still alike, unlike those of two different problems; groups whose centroids are at least {@code at} similar
 * merge (and their scopes must join). A text alone that has links takes part too: next to a group of a thousand,
 * a newcomer's few capped links never reach the group's average.
 */
final class CentroidMerging {

    /** Shingles kept per centroid: the heaviest carry the problem; the tail is noise of single texts. */
    private static final int CENTROID_TERMS = 48;

    private CentroidMerging() {
    }

    static <S> List<List<Integer>> merged(List<List<Integer>> groups, int[] weights, ShingleIndex index, Links links,
            List<S> scopes, BinaryOperator<S> join, double at) {
        boolean[] linked = new boolean[weights.length];
        for (int l = 0; l < links.size(); l++) {
            linked[links.a(l)] = true;
            linked[links.b(l)] = true;
        }
        List<Integer> several = new ArrayList<>();
        List<List<Integer>> merged = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).size() > 1 || linked[groups.get(g).get(0)]) {
                several.add(g);
            } else {
                merged.add(groups.get(g));
            }
        }
        int[][] terms = new int[several.size()][];
        float[][] values = new float[several.size()][];
        List<S> scope = new ArrayList<>();
        for (int c = 0; c < several.size(); c++) {
            List<Integer> members = groups.get(several.get(c));
            centroid(members, weights, index, terms, values, c);
            S joined = scopes.get(members.get(0));
            for (int m : members) {
                joined = joined == null ? null : join.apply(joined, scopes.get(m));
            }
            scope.add(joined);
        }
        int[] parent = unions(terms, values, scope, join, at);
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int c = 0; c < several.size(); c++) {
            byRoot.computeIfAbsent(root(parent, c), r -> new ArrayList<>()).addAll(groups.get(several.get(c)));
        }
        merged.addAll(byRoot.values());
        return merged;
    }

    /** The group's mean vector, scaled to length 1, its heaviest shingles only (ascending by term id). */
    private static void centroid(List<Integer> members, int[] weights, ShingleIndex index, int[][] terms, float[][] values,
            int c) {
        Map<Integer, Double> sum = new HashMap<>();
        for (int m : members) {
            int[] t = index.termsOf(m);
            float[] w = index.weightsOf(m);
            for (int k = 0; k < t.length; k++) {
                sum.merge(t[k], (double) w[k] * weights[m], Double::sum);
            }
        }
        List<Map.Entry<Integer, Double>> heaviest = sum.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double> comparingByValue().reversed()).limit(CENTROID_TERMS)
                .sorted(Map.Entry.comparingByKey()).toList();
        double norm = Math.sqrt(heaviest.stream().mapToDouble(e -> e.getValue() * e.getValue()).sum());
        terms[c] = heaviest.stream().mapToInt(Map.Entry::getKey).toArray();
        values[c] = new float[terms[c].length];
        for (int k = 0; k < terms[c].length; k++) {
            values[c][k] = (float) (heaviest.get(k).getValue() / norm);
        }
    }

    /** Union-find over the centroids at least {@code at} alike, met through an inverted index of their shingles. */
    private static <S> int[] unions(int[][] terms, float[][] values, List<S> scope, BinaryOperator<S> join, double at) {
        int n = terms.length;
        int[] parent = new int[n];
        Map<Integer, int[]> postings = new HashMap<>();
        Map<Integer, Integer> lengths = new HashMap<>();
        double[] dot = new double[n];
        int[] touched = new int[n];
        for (int c = 0; c < n; c++) {
            parent[c] = c;
            int met = 0;
            for (int k = 0; k < terms[c].length; k++) {
                int[] list = postings.get(terms[c][k]);
                int length = lengths.getOrDefault(terms[c][k], 0);
                for (int p = 0; p < length; p++) {
                    int other = list[p];
                    if (dot[other] == 0) {
                        touched[met++] = other;
                    }
                    dot[other] += values[c][k] * weightOf(terms[other], values[other], terms[c][k]);
                }
            }
            for (int m = 0; m < met; m++) {
                int other = touched[m];
                int a = root(parent, other);
                int b = root(parent, c);
                S joined = a == b ? null : join.apply(scope.get(a), scope.get(b));
                if (dot[other] >= at && joined != null) {
                    parent[a] = b;
                    scope.set(b, joined);
                }
                dot[other] = 0;
            }
            for (int term : terms[c]) {
                int length = lengths.getOrDefault(term, 0);
                int[] list = postings.computeIfAbsent(term, t -> new int[4]);
                if (length == list.length) {
                    list = Arrays.copyOf(list, length * 2);
                    postings.put(term, list);
                }
                list[length] = c;
                lengths.put(term, length + 1);
            }
        }
        return parent;
    }

    private static float weightOf(int[] terms, float[] values, int term) {
        return values[Arrays.binarySearch(terms, term)];
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
