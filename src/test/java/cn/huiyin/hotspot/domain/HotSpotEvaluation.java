package cn.huiyin.hotspot.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.hotspot.domain.GroupingRules.Linkage;
import cn.huiyin.hotspot.domain.GroupingRules.Similarity;
import cn.huiyin.shared.domain.Titles;

/**
 * Measures the grouping on generated months ({@link GeneratedAppeals}): each way of comparing and grouping gets its
 * thresholds chosen on ten development seeds and is then scored on twenty other seeds; the chosen rules
 * ({@link GroupingRules#defaults}) are also scored as hot spots. Then the real labelled corpus is grouped, as a
 * sanity check of what the rules do to texts they were not written against.
 */
final class HotSpotEvaluation {

    static final Set<String> LOCAL = Set.of("LOCAL", "CITY_MGMT");
    /** The real corpus, behind the generated problems of every month. */
    private static final List<CandidateAppeal> BACKGROUND = corpus();
    static final long[] DEVELOPMENT = LongStream.rangeClosed(1, 10).toArray();
    static final long[] HELD_OUT = LongStream.rangeClosed(101, 120).toArray();
    /**
     * The thresholds tried: a pair's least similarity, and a group's least average one (single linkage: one threshold,
     * from {@code SINGLE}). Pairs below 0.1 are not tried: at 100 k appeals a month they would be hundreds of millions.
     */
    private static final double[] LINKS = { 0.1, 0.15, 0.2, 0.25, 0.3 };
    private static final double[] GROUPS = { 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4 };
    private static final double[] SINGLE = { 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5 };

    /** One way of grouping, its thresholds as chosen on the development seeds and its held-out scores. */
    record Row(String name, GroupingRules rules, GroupingScores development, GroupingScores heldOut) {
    }

    /** Hot spots as found against the true shared problems (≥ 3 appeals, ≥ 2 enterprises), over the held-out seeds. */
    record HotSpotScores(int found, int pure, int appeals, int ofTheirProblem, int trueProblems, int recovered,
            int repeatsFound) {

        /** Of the appeals in the hot spots, the share about the hot spot's main problem. */
        double appealPurity() {
            return appeals == 0 ? 1 : (double) ofTheirProblem / appeals;
        }

        double precision() {
            return found == 0 ? 1 : (double) pure / found;
        }

        double recall() {
            return trueProblems == 0 ? 1 : (double) recovered / trueProblems;
        }
    }

    record Result(List<Row> rows, GroupingScores defaults, HotSpotScores hotSpots, int appealsPerSet,
            List<ProblemGrouping.Group> corpusGroups, List<HotSpot> corpusHotSpots, int bestRowCorpusHotSpots,
            String markdown) {

        /** The way of grouping with the best held-out F1. */
        Row best() {
            return rows.stream().max((a, b) -> Double.compare(a.heldOut().f1(), b.heldOut().f1())).orElseThrow();
        }
    }

    private HotSpotEvaluation() {
    }

    static Result run() {
        GroupingRules base = GroupingRules.defaults(LOCAL);
        List<Row> rows = new ArrayList<>();
        rows.add(tuned("Jaccard of bigram sets, single linkage", base.with(Similarity.JACCARD, Linkage.SINGLE, 0, 0)));
        rows.add(tuned("TF-IDF cosine of bigrams, single linkage", base.with(Similarity.COSINE, Linkage.SINGLE, 0, 0)));
        rows.add(tuned("Jaccard of bigram sets, average linkage", base.with(Similarity.JACCARD, Linkage.AVERAGE, 0, 0)));
        rows.add(tuned("TF-IDF cosine of trigrams, average linkage",
                base.withShingle(3).with(Similarity.COSINE, Linkage.AVERAGE, 0, 0)));
        rows.add(tuned("TF-IDF cosine of bigrams, average linkage, no centroid merging",
                base.withCentroidsAt(2).with(Similarity.COSINE, Linkage.AVERAGE, 0, 0)));
        rows.add(tuned("TF-IDF cosine of bigrams, average linkage", base.with(Similarity.COSINE, Linkage.AVERAGE, 0, 0)));
        GroupingScores defaults = score(base, HELD_OUT);
        HotSpotScores hotSpots = hotSpots(base);
        List<CandidateAppeal> corpus = corpus();
        List<ProblemGrouping.Group> corpusGroups = new ProblemGrouping(base).groups(corpus).stream()
                .filter(g -> g.appeals().size() > 1).toList();
        List<HotSpot> corpusHotSpots = new HotSpotFinder(base, HotSpotRules.defaults()).find(corpus, GeneratedAppeals.NOW);
        int size = month(HELD_OUT[0]).size();
        GroupingRules best = rows.stream().max((a, b) -> Double.compare(a.heldOut().f1(), b.heldOut().f1())).orElseThrow()
                .rules();
        int bestCorpusHotSpots = new HotSpotFinder(best, HotSpotRules.defaults()).find(corpus, GeneratedAppeals.NOW).size();
        return new Result(rows, defaults, hotSpots, size, corpusGroups, corpusHotSpots, bestCorpusHotSpots,
                markdown(rows, base, defaults, hotSpots, size, corpus, corpusGroups, corpusHotSpots, bestCorpusHotSpots));
    }

    /** The thresholds with the best mean F1 on the development seeds, then scored on the held-out ones. */
    private static Row tuned(String name, GroupingRules shape) {
        GroupingRules best = null;
        GroupingScores bestScores = null;
        boolean single = shape.linkage() == Linkage.SINGLE;
        for (double link : single ? SINGLE : LINKS) {
            for (double group : single ? new double[] { link } : GROUPS) {
                GroupingRules rules = shape.with(shape.similarity(), shape.linkage(), link, group);
                GroupingScores scores = score(rules, DEVELOPMENT);
                if (bestScores == null || scores.f1() > bestScores.f1() + 1e-9) {
                    best = rules;
                    bestScores = scores;
                }
            }
        }
        return new Row(name, best, bestScores, score(best, HELD_OUT));
    }

    /** The months drawn so far, by seed: every way of grouping is scored on the same ones. */
    private static final Map<Long, List<GeneratedAppeals.Labeled>> MONTHS = new HashMap<>();

    static List<GeneratedAppeals.Labeled> month(long seed) {
        return MONTHS.computeIfAbsent(seed, s -> GeneratedAppeals.draw(s, BACKGROUND));
    }

    static GroupingScores score(GroupingRules rules, long[] seeds) {
        List<GroupingScores> runs = new ArrayList<>();
        for (long seed : seeds) {
            List<GeneratedAppeals.Labeled> set = month(seed);
            Map<Long, Integer> groupOf = new HashMap<>();
            List<ProblemGrouping.Group> groups = new ProblemGrouping(rules)
                    .groups(set.stream().map(GeneratedAppeals.Labeled::appeal).toList());
            for (int g = 0; g < groups.size(); g++) {
                for (CandidateAppeal a : groups.get(g).appeals()) {
                    groupOf.put(a.id(), g);
                }
            }
            runs.add(GroupingScores.of(set.stream().map(l -> groupOf.get(l.appeal().id())).toList(),
                    set.stream().map(GeneratedAppeals.Labeled::problem).toList()));
        }
        return GroupingScores.mean(runs);
    }

    /** A hot spot is pure when all its appeals are about one problem, and recovers that problem if it is a true one. */
    private static HotSpotScores hotSpots(GroupingRules rules) {
        int found = 0;
        int pure = 0;
        int appeals = 0;
        int ofTheirProblem = 0;
        int trueProblems = 0;
        int recovered = 0;
        int repeats = 0;
        for (long seed : HELD_OUT) {
            List<GeneratedAppeals.Labeled> set = month(seed);
            Map<Long, String> problemOf = new HashMap<>();
            Map<String, List<CandidateAppeal>> byProblem = new HashMap<>();
            set.forEach(l -> {
                problemOf.put(l.appeal().id(), l.problem());
                byProblem.computeIfAbsent(l.problem(), p -> new ArrayList<>()).add(l.appeal());
            });
            Set<String> hot = new HashSet<>();
            byProblem.forEach((problem, its) -> {
                if (its.size() >= 3 && its.stream().map(CandidateAppeal::enterprise).distinct().count() >= 2) {
                    hot.add(problem);
                }
            });
            trueProblems += hot.size();
            Set<String> seen = new HashSet<>();
            for (HotSpot spot : new HotSpotFinder(rules, HotSpotRules.defaults()).find(
                    set.stream().map(GeneratedAppeals.Labeled::appeal).toList(), GeneratedAppeals.NOW)) {
                found++;
                Map<String, Integer> problems = new HashMap<>();
                spot.appealIds().forEach(id -> problems.merge(problemOf.get(id), 1, Integer::sum));
                appeals += spot.size();
                ofTheirProblem += problems.values().stream().max(Integer::compare).orElse(0);
                String problem = problemOf.get(spot.centralAppealId());
                if (problems.size() == 1) {
                    pure++;
                }
                if (problem.endsWith("-one-firm")) {
                    repeats++;
                }
                if (hot.contains(problem) && seen.add(problem)) {
                    recovered++;
                }
            }
        }
        return new HotSpotScores(found, pure, appeals, ofTheirProblem, trueProblems, recovered, repeats);
    }

    /** The labelled corpus as a month of appeals: one enterprise each, spread over the last 29 days. */
    static List<CandidateAppeal> corpus() {
        List<CandidateAppeal> appeals = new ArrayList<>();
        for (JsonNode row : rows("/reference/appeals-labeled.jsonl")) {
            int n = appeals.size();
            String text = row.get("text").asText();
            appeals.add(new CandidateAppeal(n + 1, Titles.fromText(text), text, row.get("category").asText(),
                    row.get("street").isNull() ? null : row.get("street").asText(), row.get("id").asText(),
                    GeneratedAppeals.NOW.minus(Duration.ofHours(1 + (n * 7L) % (29 * 24)))));
        }
        return appeals;
    }

    /** The texts of a JSON-lines resource. */
    static List<String> texts(String resource) {
        return rows(resource).stream().map(row -> row.get("text").asText()).toList();
    }

    private static List<JsonNode> rows(String resource) {
        try (InputStream in = HotSpotEvaluation.class.getResourceAsStream(resource)) {
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(List<Row> rows, GroupingRules chosen, GroupingScores defaults, HotSpotScores hot,
            int size, List<CandidateAppeal> corpus, List<ProblemGrouping.Group> corpusGroups, List<HotSpot> corpusHotSpots,
            int bestCorpusHotSpots) {
        StringBuilder md = new StringBuilder();
        md.append("# Hot-spot grouping: evaluation\n\n");
        md.append(String.format(Locale.ROOT, "Generated months of %d appeals (%d shared problems of 2–8 appeals, %d one-off "
                + "appeals, among the %d real appeals of the labelled corpus); thresholds chosen on seeds %d–%d, scored on seeds %d–%d (pairwise, mean over the seeds).%n%n",
                size, ProblemTemplates.SHARED.size(), ProblemTemplates.ONE_OFF.size(), BACKGROUND.size(), DEVELOPMENT[0],
                DEVELOPMENT[DEVELOPMENT.length - 1], HELD_OUT[0], HELD_OUT[HELD_OUT.length - 1]));
        md.append("| grouping | thresholds (link / group) | dev F1 | precision | recall | F1 | adjusted Rand |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f / %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", r.name(),
                    r.rules().linkAt(), r.rules().groupAt(), r.development().f1(), r.heldOut().precision(),
                    r.heldOut().recall(), r.heldOut().f1(), r.heldOut().adjustedRand()));
        }
        md.append(String.format(Locale.ROOT, "%nChosen (GroupingRules.defaults: %s, %s, link %.2f, group %.2f): precision "
                + "%.3f, recall %.3f, F1 %.3f, adjusted Rand %.3f.%n%n", chosen.similarity(), chosen.linkage(),
                chosen.linkAt(), chosen.groupAt(), defaults.precision(), defaults.recall(), defaults.f1(),
                defaults.adjustedRand()));
        md.append(String.format(Locale.ROOT, "Hot spots (≥ 3 appeals, ≥ 2 enterprises) over the %d held-out months: %d "
                + "found, %d of them pure (all appeals about one problem: %.3f); of their %d appeals %.3f are about the "
                + "hot spot's main problem; %d of %d true shared problems recovered (recall %.3f); %d found for the "
                + "one-enterprise repeat (should be 0).%n%n", HELD_OUT.length, hot.found(), hot.pure(), hot.precision(),
                hot.appeals(), hot.appealPurity(), hot.recovered(), hot.trueProblems(), hot.recall(), hot.repeatsFound()));
        md.append(String.format(Locale.ROOT, "## The real corpus (%d labelled appeals, one enterprise each)%n%n",
                corpus.size()));
        md.append(String.format(Locale.ROOT, "%d groups of two or more, %d hot spots (with the thresholds of the best "
                + "F1 above: %d hot spots).%n%n", corpusGroups.size(), corpusHotSpots.size(), bestCorpusHotSpots));
        for (ProblemGrouping.Group g : corpusGroups) {
            md.append("- ").append(g.appeals().size()).append(" appeals, ").append(g.appeals().get(0).category())
                    .append(":\n");
            g.appeals().forEach(a -> md.append("  - ").append(a.enterprise()).append(" ")
                    .append(a.content().length() > 60 ? a.content().substring(0, 60) + "…" : a.content()).append("\n"));
        }
        return md.toString();
    }
}
