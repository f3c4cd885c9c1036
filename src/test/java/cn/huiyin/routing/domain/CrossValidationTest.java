package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The classifier on the shared 400-item corpus, trained as the service is (with the written set, the catalogue's names
 * and the knowledge base's articles). The bounds sit six to eight points below what is measured (printed on every run: top-1 0.878,
 * top-3 0.983 with this seed; 0.865 and 0.970 with the centroid model, 0.735 and 0.915 before the written set), so they
 * catch a regression, not noise.
 */
class CrossValidationTest {

    private static final long SEED = 20260115L;
    private final List<LabeledText> corpus = LabeledCorpus.load();
    /**
     * The written set, the catalogue's category names and the knowledge base's articles, which the service trains on
     * besides the stored examples: in every training fold, never tested.
     */
    private final List<LabeledText> names = writtenAndPriors();

    private static List<LabeledText> writtenAndPriors() {
        List<LabeledText> all = new ArrayList<>(ReferenceCatalogue.written());
        all.addAll(ReferenceCatalogue.priors());
        return all;
    }

    @Test
    void folds_are_stratified_complete_and_reproducible() {
        List<List<LabeledText>> folds = CrossValidation.folds(corpus, 10, SEED);

        assertThat(folds).hasSize(10).allSatisfy(f -> assertThat(f).hasSize(40));
        assertThat(folds.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(corpus);
        Map<String, List<Integer>> perFold = new HashMap<>();
        for (List<LabeledText> fold : folds) {
            Map<String, Integer> counts = new HashMap<>();
            fold.forEach(e -> counts.merge(e.category(), 1, Integer::sum));
            corpus.stream().map(LabeledText::category).distinct()
                    .forEach(c -> perFold.computeIfAbsent(c, k -> new ArrayList<>()).add(counts.getOrDefault(c, 0)));
        }
        // e.g. LABOR (26 items) is 2 or 3 in every fold, never 0 in one and 5 in another
        perFold.forEach((category, counts) -> assertThat(
                counts.stream().mapToInt(i -> i).max().getAsInt() - counts.stream().mapToInt(i -> i).min().getAsInt())
                .as(category).isLessThanOrEqualTo(1));
        assertThat(CrossValidation.folds(corpus, 10, SEED)).isEqualTo(folds);
        assertThat(CrossValidation.folds(corpus, 10, SEED + 1)).isNotEqualTo(folds);
    }

    @Test
    void ten_fold_accuracy_on_the_shared_corpus() {
        CrossValidation.Report report = CrossValidation.run(corpus, names, 10, SEED, 0.9);

        System.out.println(report.summary());
        report.recall().forEach((category, r) -> System.out.printf(Locale.ROOT, "  %-13s %2d/%2d  %.2f%n",
                category, r.correct(), r.examples(), r.recall()));
        assertThat(report.examples()).isEqualTo(400);
        assertThat(report.recall()).hasSize(27);
        assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.80); // 0.878 (0.735 before the written set)
        assertThat(report.top3Accuracy()).isGreaterThanOrEqualTo(0.92); // 0.983 (0.915)
    }

    @Test
    void coverage_falls_and_precision_rises_with_the_threshold() {
        List<CrossValidation.Report> sweep = new ArrayList<>();
        for (double t : new double[] {0.0, 0.5, 0.7, 0.8, 0.9, 0.94, 0.95, 0.99}) {
            CrossValidation.Report r = CrossValidation.run(corpus, names, 10, SEED, t);
            System.out.println(r.summary());
            sweep.add(r);
        }
        assertThat(sweep).extracting(CrossValidation.Report::coverage)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(sweep.get(0).coverage()).isGreaterThan(0.85); // threshold 0: all but the OTHER guesses
        assertThat(sweep.get(4).precision()).isGreaterThan(sweep.get(0).precision());
    }

    @Test
    void the_threshold_chosen_for_90_percent_precision_holds_on_folds_it_was_not_chosen_on() {
        double recommended = CrossValidation.thresholdFor(corpus, names, 10, SEED, 0.90);
        System.out.printf(Locale.ROOT, "threshold for precision >= 0.90 on the whole corpus: %.3f%n", recommended);

        // Nested: in each outer fold the threshold is chosen by an inner cross-validation of the other nine
        // folds only, then the held-out fold is routed with it. Nothing held out informs its own threshold.
        List<List<LabeledText>> outer = CrossValidation.folds(corpus, 10, SEED);
        int routed = 0;
        int right = 0;
        for (int f = 0; f < outer.size(); f++) {
            List<LabeledText> training = CrossValidation.allBut(outer, f);
            double threshold = CrossValidation.thresholdFor(training, names, 10, SEED + f, 0.90);
            CategoryClassifier classifier = CategoryClassifier.train(CatalogueExamples.trainingSet(training,
                    ReferenceCatalogue.written(), ReferenceCatalogue.load(), ReferenceCatalogue.articles()));
            for (LabeledText e : outer.get(f)) {
                RoutingPolicy.Routed r = RoutingPolicy.route(classifier, e.text(), threshold);
                if (r.automatic()) {
                    routed++;
                    right += r.best().category().equals(e.category()) ? 1 : 0;
                }
            }
        }
        double precision = (double) right / routed;
        double coverage = routed / (double) corpus.size();
        System.out.printf(Locale.ROOT, "nested: routed %d/%d automatically (coverage %.3f), %d right (precision %.3f)%n",
                routed, corpus.size(), coverage, right, precision);
        assertThat(precision).isGreaterThanOrEqualTo(0.85);
        assertThat(coverage).isGreaterThanOrEqualTo(0.10); // it must route something to be worth having
    }

    @Test
    void a_precision_that_no_threshold_reaches_means_route_nothing() {
        List<LabeledText> onlyOther = List.of(new LabeledText("你好在吗", "OTHER"), new LabeledText("测试", "OTHER"),
                new LabeledText("人工客服", "OTHER"), new LabeledText("想反映个问题", "OTHER"));

        assertThat(CrossValidation.thresholdFor(onlyOther, 2, SEED, 0.9)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
