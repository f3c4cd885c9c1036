package cn.huiyin.routing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Measures the classifier on a labeled corpus by stratified k-fold cross-validation: every example is
 * classified once by a model that never saw it. Stratified, because several categories have fewer than
 * ten examples and a plain split would leave some folds without them.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** One held-out prediction: the gold category and where the routing policy sent it. */
    private record Outcome(String gold, RoutingPolicy.Routed routed) {

        boolean top1() {
            return routed.best().category().equals(gold);
        }

        boolean top3() {
            return routed.top3().stream().anyMatch(s -> s.category().equals(gold));
        }
    }

    public record CategoryRecall(int examples, int correct) {

        public double recall() {
            return examples == 0 ? 0 : (double) correct / examples;
        }
    }

    /**
     * @param coverage share of all examples routed automatically at the threshold
     * @param precision share of the automatically routed ones whose category was right (NaN if none)
     * @param recall top-1 recall per gold category
     */
    public record Report(int examples, int folds, double threshold, double accuracy, double top3Accuracy,
            double coverage, double precision, SortedMap<String, CategoryRecall> recall) {

        public Report {
            recall = Collections.unmodifiableSortedMap(new TreeMap<>(recall));
        }

        public String summary() {
            return String.format(Locale.ROOT,
                    "n=%d folds=%d top1=%.3f top3=%.3f | threshold %.2f: coverage=%.3f precision=%.3f",
                    examples, folds, accuracy, top3Accuracy, threshold, coverage, precision);
        }
    }

    public static Report run(List<LabeledText> corpus, int folds, long seed, double threshold) {
        return run(corpus, List.of(), folds, seed, threshold);
    }

    /**
     * @param priors examples added to every training fold and never tested (the catalogue's category names,
     *        which the service always trains on)
     */
    public static Report run(List<LabeledText> corpus, List<LabeledText> priors, int folds, long seed, double threshold) {
        List<Outcome> outcomes = outcomes(corpus, priors, folds, seed, threshold);
        int n = outcomes.size();
        long top1 = outcomes.stream().filter(Outcome::top1).count();
        long top3 = outcomes.stream().filter(Outcome::top3).count();
        List<Outcome> auto = outcomes.stream().filter(o -> o.routed().automatic()).toList();
        long autoRight = auto.stream().filter(Outcome::top1).count();
        SortedMap<String, CategoryRecall> recall = new TreeMap<>();
        for (Outcome o : outcomes) {
            CategoryRecall r = recall.getOrDefault(o.gold(), new CategoryRecall(0, 0));
            recall.put(o.gold(), new CategoryRecall(r.examples() + 1, r.correct() + (o.top1() ? 1 : 0)));
        }
        return new Report(n, folds, threshold, (double) top1 / n, (double) top3 / n, (double) auto.size() / n,
                auto.isEmpty() ? Double.NaN : (double) autoRight / auto.size(), recall);
    }

    /**
     * The lowest threshold at which the held-out precision of automatic routing reaches the target: the
     * one that routes the most while keeping that precision. {@link Double#POSITIVE_INFINITY} (route
     * nothing) if no threshold reaches it.
     */
    public static double thresholdFor(List<LabeledText> corpus, int folds, long seed, double targetPrecision) {
        return thresholdFor(corpus, List.of(), folds, seed, targetPrecision);
    }

    public static double thresholdFor(List<LabeledText> corpus, List<LabeledText> priors, int folds, long seed,
            double targetPrecision) {
        // threshold 0 routes every non-OTHER best guess that is not a tie; a higher one routes a prefix of these by sureness
        List<Outcome> candidates = new ArrayList<>(outcomes(corpus, priors, folds, seed, 0).stream()
                .filter(o -> o.routed().automatic()).toList());
        candidates.sort(Comparator.comparingDouble(CrossValidation::sureness).reversed());
        double best = Double.POSITIVE_INFINITY;
        int right = 0;
        for (int i = 0; i < candidates.size(); i++) {
            right += candidates.get(i).top1() ? 1 : 0;
            double confidence = sureness(candidates.get(i));
            boolean lastOfTie = i + 1 == candidates.size() || sureness(candidates.get(i + 1)) < confidence;
            if (lastOfTie && right >= targetPrecision * (i + 1)) {
                best = confidence;
            }
        }
        return best;
    }

    /** What the routing policy compares with the threshold. */
    private static double sureness(Outcome o) {
        return RoutingPolicy.sureness(o.routed().top3());
    }

    /** Stratified folds: each category's examples, shuffled by the seed, are dealt round the folds in turn. */
    public static List<List<LabeledText>> folds(List<LabeledText> corpus, int folds, long seed) {
        if (folds < 2 || folds > corpus.size()) {
            throw new IllegalArgumentException("need 2 ≤ folds ≤ corpus size, got " + folds);
        }
        Map<String, List<LabeledText>> byCategory = new TreeMap<>();
        corpus.forEach(e -> byCategory.computeIfAbsent(e.category(), c -> new ArrayList<>()).add(e));
        List<List<LabeledText>> result = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            result.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<LabeledText> group : byCategory.values()) {
            Collections.shuffle(group, random);
            for (LabeledText e : group) {
                result.get(next).add(e);
                next = (next + 1) % folds; // carried across categories, so fold sizes differ by at most one
            }
        }
        return result.stream().map(List::copyOf).toList();
    }

    /** Everything but fold {@code held}: the training set for that fold. */
    public static List<LabeledText> allBut(List<List<LabeledText>> folds, int held) {
        List<LabeledText> training = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            if (f != held) {
                training.addAll(folds.get(f));
            }
        }
        return training;
    }

    private static List<Outcome> outcomes(List<LabeledText> corpus, List<LabeledText> priors, int folds, long seed,
            double threshold) {
        List<List<LabeledText>> split = folds(corpus, folds, seed);
        List<Outcome> outcomes = new ArrayList<>(corpus.size());
        for (int f = 0; f < folds; f++) {
            List<LabeledText> training = allBut(split, f);
            training.addAll(priors);
            CategoryClassifier classifier = CategoryClassifier.train(training);
            for (LabeledText e : split.get(f)) {
                outcomes.add(new Outcome(e.category(), RoutingPolicy.route(classifier, e.text(), threshold)));
            }
        }
        return outcomes;
    }
}
