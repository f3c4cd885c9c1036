package cn.huiyin.hotspot.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.huiyin.routing.domain.TextFeatures;

/**
 * Groups appeals that are about the same problem: similar words (character shingles of the normalised text, so
 * traditional characters, full-width letters and changing numbers do not matter), the same category, and for
 * matters handled by the street (属地) the same street. Appeals with the very same words, category and street are
 * compared once.
 */
public final class ProblemGrouping {

    /** Appeals about one problem, the most central first (the one most like the others), then by receipt. */
    public record Group(List<CandidateAppeal> appeals) {

        public Group {
            appeals = List.copyOf(appeals);
        }
    }

    /** Appeals with the same words, category and (for a local matter) street: one text of the index. */
    private record Text(String category, String street, String words, List<CandidateAppeal> appeals) {
    }

    private final GroupingRules rules;

    public ProblemGrouping(GroupingRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    /** Every appeal in exactly one group; most groups are one appeal alone. */
    public List<Group> groups(List<CandidateAppeal> appeals) {
        List<CandidateAppeal> telling = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (CandidateAppeal appeal : appeals) {
            String content = TextFeatures.normalise(appeal.content());
            if (content.codePointCount(0, content.length()) >= rules.minLength()) {
                telling.add(appeal);
                words.add(TextFeatures.normalise(appeal.title()) + content);
            } else {
                groups.add(new Group(List.of(appeal)));
            }
        }
        List<Text> texts = texts(telling, words);
        ShingleIndex index = ShingleIndex.of(texts.stream().map(Text::words).toList(), rules);
        Links links = index.links((a, b) -> mayLink(texts.get(a), texts.get(b)));
        int[] weights = texts.stream().mapToInt(t -> t.appeals().size()).toArray();
        List<Scope> scopes = texts.stream().map(t -> new Scope(t.category(), t.street())).toList();
        List<List<Integer>> members = LinkedGroups.groups(weights, scopes, this::join, links, rules);
        if (rules.centroidsAt() <= 1) {
            members = CentroidMerging.merged(members, weights, index, links, scopes, this::join,
                    rules.centroidsAt());
        }
        double[] closeness = closeness(members, weights, links);
        members.forEach(m -> groups.add(group(m, texts, closeness)));
        return groups;
    }

    /**
     * Each text's summed similarity to the rest of its group, its own duplicates counting as identical: the most
     * central text has the highest.
     */
    private static double[] closeness(List<List<Integer>> groups, int[] weights, Links links) {
        int[] groupOf = new int[weights.length];
        for (int g = 0; g < groups.size(); g++) {
            for (int m : groups.get(g)) {
                groupOf[m] = g;
            }
        }
        double[] closeness = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            closeness[i] = weights[i] - 1;
        }
        for (int l = 0; l < links.size(); l++) {
            int a = links.a(l);
            int b = links.b(l);
            if (groupOf[a] == groupOf[b]) {
                closeness[a] += links.similarity(l) * weights[b];
                closeness[b] += links.similarity(l) * weights[a];
            }
        }
        return closeness;
    }

    /** The appeals by their words (title and text, normalised), category and, for a local matter, street. */
    private List<Text> texts(List<CandidateAppeal> appeals, List<String> normalised) {
        Map<String, Text> byKey = new LinkedHashMap<>();
        for (int i = 0; i < appeals.size(); i++) {
            CandidateAppeal appeal = appeals.get(i);
            String words = normalised.get(i);
            String street = isLocal(appeal.category()) ? appeal.street() : null;
            String key = appeal.category() + "\u0001" + street + "\u0001" + words;
            byKey.computeIfAbsent(key, k -> new Text(appeal.category(), street, words, new ArrayList<>())).appeals().add(appeal);
        }
        return new ArrayList<>(byKey.values());
    }

    /** What a text or a group is about beyond its words; null where not known (yet). */
    private record Scope(String category, String street) {
    }

    /** Beyond the words: never across two categories (one not placed yet may join any), a local matter in one street. */
    private boolean mayLink(Text a, Text b) {
        return join(new Scope(a.category(), a.street()), new Scope(b.category(), b.street())) != null;
    }

    /** The scope of two together, or null where they cannot be about one problem. */
    private Scope join(Scope a, Scope b) {
        if (a.category() != null && b.category() != null && !a.category().equals(b.category())) {
            return null;
        }
        String category = a.category() != null ? a.category() : b.category();
        if (!isLocal(category)) {
            return new Scope(category, null);
        }
        if (a.street() != null && b.street() != null && !a.street().equals(b.street())) {
            return null;
        }
        return new Scope(category, a.street() != null ? a.street() : b.street());
    }

    private boolean isLocal(String category) {
        return category != null && rules.localCategories().contains(category);
    }

    /** The group's appeals, the central one first, then by receipt. */
    private static Group group(List<Integer> members, List<Text> texts, double[] closeness) {
        Comparator<CandidateAppeal> byReceipt = Comparator.comparing(CandidateAppeal::receivedAt)
                .thenComparingLong(CandidateAppeal::id);
        // ties go to the text received first, so the label does not change between refreshes
        int central = members.stream().max(Comparator.<Integer> comparingDouble(m -> closeness[m])
                .thenComparing(m -> texts.get(m).appeals().stream().min(byReceipt).orElseThrow(), byReceipt.reversed()))
                .orElseThrow();
        CandidateAppeal first = texts.get(central).appeals().stream().min(byReceipt).orElseThrow();
        List<CandidateAppeal> ordered = new ArrayList<>();
        ordered.add(first);
        members.stream().flatMap(m -> texts.get(m).appeals().stream()).filter(a -> a != first).sorted(byReceipt)
                .forEach(ordered::add);
        return new Group(ordered);
    }
}
