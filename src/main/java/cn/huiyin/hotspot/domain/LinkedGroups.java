package cn.huiyin.hotspot.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BinaryOperator;

/**
 * Turns linked texts into groups. Average linkage merges the two groups whose cross pairs are most similar on
 * average, while that average reaches {@code groupAt}; a pair that was not linked counts as 0, so one close pair
 * cannot bridge two different problems the way it does under single linkage. Each text may stand for several
 * appeals with the same words ({@code weights}): they count as that many members, identical to each other. Each text
 * has a scope (its category, say), and two groups merge only where their scopes join: a text whose scope is open (not
 * placed in a category yet) may link two groups, but never merges them when they are about different things.
 */
final class LinkedGroups {

    private LinkedGroups() {
    }

    /**
     * The groups, each as its texts' indices; every text is in exactly one (a text linked to none, alone).
     *
     * @param scopes each text's scope; {@code join} gives the scope of two merged, or null where they may not merge
     */
    static <S> List<List<Integer>> groups(int[] weights, List<S> scopes, BinaryOperator<S> join, Links links,
            GroupingRules rules) {
        List<S> scope = new ArrayList<>(scopes);
        return rules.linkage() == GroupingRules.Linkage.SINGLE ? connected(scope, join, links, rules.groupAt())
                : new Average<>(weights, scope, join, links).groups(rules.groupAt());
    }

    private static <S> List<List<Integer>> connected(List<S> scope, BinaryOperator<S> join, Links links, double at) {
        int n = scope.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int l = 0; l < links.size(); l++) {
            int a = root(parent, links.a(l));
            int b = root(parent, links.b(l));
            S joined = a == b ? null : join.apply(scope.get(a), scope.get(b));
            if (links.similarity(l) >= at && joined != null) {
                parent[a] = b;
                scope.set(b, joined);
            }
        }
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byRoot.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Average linkage over the sparse links. The queue holds each group's best partner as of its last change, not
     * every pair: the best pair overall is always there (the later-changed of its two groups put it there), so the
     * merges come in the exact greedy order, while the queue stays the size of the groups.
     */
    private static final class Average<S> {

        /** A candidate merge, valid while neither group has changed since ({@code stamps}). */
        private record Candidate(double average, int a, int b, int stampA, int stampB) {
        }

        private final List<S> scope;
        private final BinaryOperator<S> join;
        private final double[] size;
        private final int[] stamp;
        private final Sums[] between;
        private final List<List<Integer>> members = new ArrayList<>();
        private final PriorityQueue<Candidate> queue = new PriorityQueue<>((x, y) -> Double.compare(y.average(), x.average()));

        Average(int[] weights, List<S> scope, BinaryOperator<S> join, Links links) {
            int n = weights.length;
            this.scope = scope;
            this.join = join;
            this.size = new double[n];
            this.stamp = new int[n];
            this.between = new Sums[n];
            for (int i = 0; i < n; i++) {
                size[i] = weights[i];
                members.add(new ArrayList<>(List.of(i)));
            }
            for (int l = 0; l < links.size(); l++) {
                double sum = links.similarity(l) * weights[links.a(l)] * weights[links.b(l)];
                sums(links.a(l)).add(links.b(l), sum);
                sums(links.b(l)).add(links.a(l), sum);
            }
        }

        List<List<Integer>> groups(double at) {
            for (int i = 0; i < between.length; i++) {
                offerBest(i);
            }
            while (!queue.isEmpty()) {
                Candidate best = queue.poll();
                if (best.average() < at) {
                    break;
                }
                if (members.get(best.a()) == null || members.get(best.b()) == null || stamp[best.a()] != best.stampA()
                        || stamp[best.b()] != best.stampB()) {
                    continue;
                }
                int keep = between[best.a()].size() >= between[best.b()].size() ? best.a() : best.b();
                int gone = keep == best.a() ? best.b() : best.a();
                scope.set(keep, join.apply(scope.get(keep), scope.get(gone)));
                absorb(keep, gone);
                offerBest(keep);
            }
            List<List<Integer>> groups = new ArrayList<>();
            members.stream().filter(m -> m != null).forEach(groups::add);
            return groups;
        }

        private Sums sums(int group) {
            if (between[group] == null) {
                between[group] = new Sums();
            }
            return between[group];
        }

        /** Queues the group's best partner that it may merge with (the scopes only narrow: a misfit stays one). */
        private void offerBest(int group) {
            Sums sums = between[group];
            if (sums == null) {
                return;
            }
            int partner = -1;
            double best = 0;
            for (int s = 0; s < sums.capacity(); s++) {
                int other = sums.keyAt(s);
                if (other < 0 || other == group || members.get(other) == null) {
                    continue;
                }
                double average = sums.valueAt(s) / (size[group] * size[other]);
                if (average > best && join.apply(scope.get(group), scope.get(other)) != null) {
                    best = average;
                    partner = other;
                }
            }
            if (partner >= 0) {
                queue.add(group < partner ? new Candidate(best, group, partner, stamp[group], stamp[partner])
                        : new Candidate(best, partner, group, stamp[partner], stamp[group]));
            }
        }

        private void absorb(int keep, int gone) {
            Sums goneSums = between[gone];
            for (int s = 0; s < goneSums.capacity(); s++) {
                int other = goneSums.keyAt(s);
                if (other >= 0 && other != keep && members.get(other) != null) {
                    between[other].add(keep, goneSums.valueAt(s));
                }
            }
            between[keep].addAll(goneSums);
            between[gone] = null;
            members.get(keep).addAll(members.get(gone));
            members.set(gone, null);
            size[keep] += size[gone];
            stamp[keep]++;
        }
    }
}
