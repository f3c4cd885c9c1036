package cn.huiyin.routing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import cn.huiyin.routing.application.RoutingTrainingSet;

/**
 * Every routing figure of docs/routing.md, from one run: cross-validation on the shared corpus and the written set, the
 * classifier trained as the service is (corpus, written set, names, articles) and measured on the held-out set, the
 * learning curve from dispatcher corrections, and street placement. Plain Java, so the figures do not depend on the
 * service being up.
 */
public final class RoutingEvaluation {

    public static final long SEED = 20260115L;
    /** The service's default threshold (huiyin.routing.auto-threshold). */
    public static final double THRESHOLD = 0.99;
    static final int[] CORRECTIONS = {0, 50, 100, 200};
    /** 20, not 5: with 120 test appeals a split's top-1 moves in steps of 0.008, and 5 splits left the curve's shape to chance. */
    static final int CURVE_SPLITS = 20;
    /** In-corpus learning curve: per fold, this many of the other nine folds are the base, the rest the corrections. */
    static final int CORPUS_CURVE_BASE = 160;

    /** Figures on a set of appeals routed by one classifier. */
    public record Figures(int n, double top1, double top3, double coverage, double precision, double restTop3) {

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |", name, n, top1, top3,
                    coverage, precision, restTop3);
        }
    }

    public record Result(CrossValidation.Report trainingCv, CrossValidation.Report corpusCv, Figures heldOut, Map<String, Figures> byDifficulty,
            Map<String, Figures> byTag, double[] curve, double[] corpusCurve, double[] writtenBaseCurve, int localAppeals, int streetRight, int streetNone,
            int corpusStreetLabels, int corpusStreetRight, double chosenThreshold, Figures heldOutAtChosen,
            String markdown) {
    }

    private RoutingEvaluation() {
    }

    public static Figures measure(CategoryClassifier classifier, List<HeldOutAppeals.Appeal> set, double threshold) {
        int top1 = 0, top3 = 0, auto = 0, autoRight = 0, rest = 0, restTop3 = 0;
        for (HeldOutAppeals.Appeal a : set) {
            RoutingPolicy.Routed r = RoutingPolicy.route(classifier, a.text(), threshold);
            boolean right = r.best().category().equals(a.category());
            boolean inTop3 = r.top3().stream().anyMatch(s -> s.category().equals(a.category()));
            top1 += right ? 1 : 0;
            top3 += inTop3 ? 1 : 0;
            if (r.automatic()) {
                auto++;
                autoRight += right ? 1 : 0;
            } else {
                rest++;
                restTop3 += inTop3 ? 1 : 0;
            }
        }
        int n = set.size();
        return new Figures(n, (double) top1 / n, (double) top3 / n, (double) auto / n,
                auto == 0 ? Double.NaN : (double) autoRight / auto, rest == 0 ? Double.NaN : (double) restTop3 / rest);
    }

    /** Mean held-out accuracy after k corrections, over seeded splits: 200 held back as corrections, the rest tested. */
    static double[] learningCurve(List<LabeledText> corpus, List<LabeledText> priors, List<HeldOutAppeals.Appeal> set) {
        double[] sum = new double[CORRECTIONS.length];
        for (int split = 0; split < CURVE_SPLITS; split++) {
            List<HeldOutAppeals.Appeal> shuffled = new ArrayList<>(set);
            Collections.shuffle(shuffled, new Random(SEED + split));
            int pool = CORRECTIONS[CORRECTIONS.length - 1];
            List<HeldOutAppeals.Appeal> corrections = shuffled.subList(0, pool);
            List<HeldOutAppeals.Appeal> test = shuffled.subList(pool, shuffled.size());
            for (int i = 0; i < CORRECTIONS.length; i++) {
                List<LabeledText> training = new ArrayList<>(corpus);
                corrections.subList(0, CORRECTIONS[i]).forEach(a -> training.add(a.labeled()));
                training.addAll(priors);
                sum[i] += measure(CategoryClassifier.train(training), test, THRESHOLD).top1();
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= CURVE_SPLITS;
        }
        return sum;
    }

    /**
     * The same curve inside the corpus, where corrections come from the same hand as the examples: in each of
     * the 10 folds, 160 of the other 360 examples (shuffled by the seed) are the base and the first k of the
     * remaining 200 the corrections; every example is tested once. Settings were chosen on this curve and on
     * cross-validation, never on the held-out set.
     */
    static double[] corpusLearningCurve(List<LabeledText> corpus, List<LabeledText> priors) {
        double[] right = new double[CORRECTIONS.length];
        List<List<LabeledText>> folds = CrossValidation.folds(corpus, 10, SEED);
        for (int f = 0; f < folds.size(); f++) {
            List<LabeledText> rest = new ArrayList<>(CrossValidation.allBut(folds, f));
            Collections.shuffle(rest, new Random(SEED + f));
            List<LabeledText> base = rest.subList(0, CORPUS_CURVE_BASE);
            List<LabeledText> corrections = rest.subList(CORPUS_CURVE_BASE, rest.size());
            for (int i = 0; i < CORRECTIONS.length; i++) {
                List<LabeledText> training = new ArrayList<>(base);
                training.addAll(corrections.subList(0, Math.min(CORRECTIONS[i], corrections.size())));
                training.addAll(priors);
                CategoryClassifier classifier = CategoryClassifier.train(training);
                for (LabeledText e : folds.get(f)) {
                    right[i] += classifier.rank(e.text()).get(0).category().equals(e.category()) ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < right.length; i++) {
            right[i] /= corpus.size();
        }
        return right;
    }

    /**
     * Corrections from another hand than the examples, as a dispatcher's are: the written set (with the names and the
     * articles) is the base, and the first k shared-corpus examples of the other nine folds (shuffled by the seed) are
     * the corrections; every corpus example is tested once, in its fold. Chosen on, like cross-validation: it holds no
     * held-out appeal.
     */
    static double[] writtenBaseLearningCurve(List<LabeledText> corpus, List<LabeledText> base) {
        double[] right = new double[CORRECTIONS.length];
        List<List<LabeledText>> folds = CrossValidation.folds(corpus, 10, SEED);
        for (int f = 0; f < folds.size(); f++) {
            List<LabeledText> corrections = new ArrayList<>(CrossValidation.allBut(folds, f));
            Collections.shuffle(corrections, new Random(SEED + f));
            for (int i = 0; i < CORRECTIONS.length; i++) {
                List<LabeledText> training = new ArrayList<>(corrections.subList(0, CORRECTIONS[i]));
                training.addAll(base);
                CategoryClassifier classifier = CategoryClassifier.train(training);
                for (LabeledText e : folds.get(f)) {
                    right[i] += classifier.rank(e.text()).get(0).category().equals(e.category()) ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < right.length; i++) {
            right[i] /= corpus.size();
        }
        return right;
    }

    public static Result run() {
        List<LabeledText> corpus = LabeledCorpus.load();
        List<LabeledText> written = ReferenceCatalogue.written();
        List<LabeledText> trainingData = concat(corpus, written);
        List<HeldOutAppeals.Appeal> set = HeldOutAppeals.load();
        List<LabeledText> names = ReferenceCatalogue.priors(); // category names and articles: the service trains on them too
        List<LabeledText> writtenAndNames = concat(written, names);
        // settings are chosen on this one: every example the service is given, in folds; the held-out set is only reported
        CrossValidation.Report trainingCv = CrossValidation.run(trainingData, names, 10, SEED, THRESHOLD);
        CrossValidation.Report cv = CrossValidation.run(corpus, writtenAndNames, 10, SEED, THRESHOLD);
        CategoryClassifier trained = CategoryClassifier.train(RoutingTrainingSet.of(corpus, ReferenceCatalogue.load()));
        Figures all = measure(trained, set, THRESHOLD);
        double chosen = CrossValidation.thresholdFor(trainingData, names, 10, SEED, 0.97);
        Figures atChosen = measure(trained, set, chosen);
        Map<String, Figures> byDifficulty = new TreeMap<>();
        for (String d : List.of("easy", "medium", "hard")) {
            byDifficulty.put(d, measure(trained, subset(set, a -> a.difficulty().equals(d)), THRESHOLD));
        }
        Map<String, Figures> byTag = new TreeMap<>();
        set.stream().flatMap(a -> a.tags().stream()).distinct().forEach(t ->
                byTag.put(t, measure(trained, subset(set, a -> a.tags().contains(t)), THRESHOLD)));
        double[] curve = learningCurve(corpus, writtenAndNames, set);
        double[] corpusCurve = corpusLearningCurve(corpus, writtenAndNames);
        double[] writtenBaseCurve = writtenBaseLearningCurve(corpus, writtenAndNames);

        int local = 0, streetRight = 0, streetNone = 0;
        for (HeldOutAppeals.Appeal a : set) {
            if (a.street() != null) {
                local++;
                var found = StreetGazetteer.TIANHE.locate(a.text(), a.registeredAddress());
                streetRight += found.filter(a.street()::equals).isPresent() ? 1 : 0;
                streetNone += found.isEmpty() ? 1 : 0;
            }
        }
        int corpusStreets = 0, corpusStreetRight = 0;
        for (Map<String, String> row : LabeledCorpus.rows()) {
            if (!"null".equals(row.get("street"))) {
                corpusStreets++;
                corpusStreetRight += StreetGazetteer.TIANHE.locate(row.get("text"), null)
                        .filter(row.get("street")::equals).isPresent() ? 1 : 0;
            }
        }

        StringBuilder md = new StringBuilder("# Routing evaluation\n\n");
        md.append(String.format(Locale.ROOT, "Shared corpus and written set, 10-fold cross-validation (seed %d): %s%n%n", SEED,
                trainingCv.summary()));
        md.append(String.format(Locale.ROOT, "Shared corpus, 10-fold cross-validation, the written set in every training fold "
                + "(seed %d): %s%n%n", SEED, cv.summary()));
        md.append("Trained on the shared corpus (").append(corpus.size()).append("), the written set (").append(written.size())
                .append("), the catalogue's category names and the knowledge base's articles (").append(names.size())
                .append(" together), measured on the held-out set:\n\n");
        md.append("| appeals | n | top-1 | top-3 | automatic | precision of automatic | top-3 of the rest |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(all.row(String.format(Locale.ROOT, "all, threshold %.2f", THRESHOLD))).append('\n');
        byDifficulty.forEach((d, f) -> md.append(f.row(d)).append('\n'));
        byTag.forEach((t, f) -> md.append(f.row("tag " + t)).append('\n'));
        md.append(atChosen.row(Double.isInfinite(chosen) ? "all, no threshold reaches 97 % precision in the training CV: none placed"
                : String.format(Locale.ROOT, "all, threshold %.3f (97 %% precision in the training CV)", chosen))).append("\n\n");
        md.append("Learning curve (held-out: corpus + written set + k of 200 held-back appeals, tested on the other ")
                .append(set.size() - 200).append(", mean of ").append(CURVE_SPLITS)
                .append(" splits; corpus: ").append(CORPUS_CURVE_BASE)
                .append(" examples + written set + k of the other folds, 10-fold; written base: written set + k corpus examples ")
                .append("of the other folds, 10-fold):\n\n| corrections | held-out top-1 | corpus top-1 | written base, corpus top-1 |\n")
                .append("| --- | --- | --- | --- |\n");
        for (int i = 0; i < CORRECTIONS.length; i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f |%n", CORRECTIONS[i], curve[i], corpusCurve[i],
                    writtenBaseCurve[i]));
        }
        md.append(String.format(Locale.ROOT, "%nStreet of LOCAL appeals (held-out set): %d/%d right, %d left to the dispatcher "
                + "(no single street found), %d wrong.%n", streetRight, local, streetNone, local - streetRight - streetNone));
        md.append(String.format(Locale.ROOT, "Street named in the shared corpus's texts (its `street` label): %d/%d right.%n",
                corpusStreetRight, corpusStreets));
        return new Result(trainingCv, cv, all, byDifficulty, byTag, curve, corpusCurve, writtenBaseCurve, local, streetRight,
                streetNone, corpusStreets, corpusStreetRight, chosen, atChosen, md.toString());
    }

    private static List<LabeledText> concat(List<LabeledText> first, List<LabeledText> second) {
        List<LabeledText> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<HeldOutAppeals.Appeal> subset(List<HeldOutAppeals.Appeal> set,
            Predicate<HeldOutAppeals.Appeal> keep) {
        return set.stream().filter(keep).toList();
    }
}
