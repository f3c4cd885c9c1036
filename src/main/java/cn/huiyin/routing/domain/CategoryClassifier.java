package cn.huiyin.routing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Proposes a category for an appeal's free text. Immutable: a correction yields a new classifier.
 *
 * <p>Model: a linear support vector machine per category against the rest ({@link OneVsRestSvm}) on the TF-IDF
 * vectors of the text's character uni-, bi- and trigrams, n-grams used alike by every category damped
 * ({@link TermWeights}); the decision values become confidences by a softmax. It replaced the centroid of each
 * category's vectors (Rocchio) once the training data had grown to about 1,200 appeals: in 10-fold cross-validation
 * of the shared corpus and the written set it ranks about as well (top-1 0.843 against 0.839) but ranks the sure
 * cases much better (at 97 % precision it places 0.50 of the appeals against 0.34), and it learns from dispatchers'
 * corrections where the centroids did not (docs/routing.md). With the 400 examples of the corpus alone, averaging
 * had beaten fitting. Deterministic: the same examples give the same classifier.
 */
public final class CategoryClassifier {

    /**
     * Softmax temperature over decision values: the one that minimised the log-loss of 10-fold out-of-fold
     * predictions on the shared corpus and the written set (0.601 at 0.12; 0.609 at 0.10 and at 0.13), so that a
     * confidence means something.
     */
    static final double TEMPERATURE = 0.12;
    /** The SVM's C, liblinear's default; 0.3, 3 and 10 ranked no better in cross-validation (docs/routing.md). */
    static final double COST = 1.0;

    private final List<LabeledText> examples;
    private final List<String> categories;
    private final TermWeights weights;
    /** N-gram → feature index; 0 is the bias. */
    private final Map<String, Integer> features;
    private final OneVsRestSvm model;

    private CategoryClassifier(List<LabeledText> examples, List<String> categories, TermWeights weights,
            Map<String, Integer> features, OneVsRestSvm model) {
        this.examples = examples;
        this.categories = categories;
        this.weights = weights;
        this.features = features;
        this.model = model;
    }

    public static CategoryClassifier train(List<LabeledText> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one labeled example");
        }
        List<LabeledText> copy = List.copyOf(examples);
        List<String> categories = List.copyOf(new TreeSet<>(copy.stream().map(LabeledText::category).toList()));
        List<List<String>> grams = copy.stream().map(e -> TextFeatures.ngrams(e.text())).toList();
        int[] categoryOf = copy.stream().mapToInt(e -> categories.indexOf(e.category())).toArray();
        TermWeights weights = TermWeights.learn(grams, categoryOf, categories.size());

        Map<String, Integer> features = new HashMap<>();
        int[][] indices = new int[copy.size()][];
        double[][] values = new double[copy.size()][];
        for (int i = 0; i < copy.size(); i++) {
            Map<String, Double> vector = weights.vector(grams.get(i));
            indices[i] = indicesOf(vector, g -> features.computeIfAbsent(g, x -> features.size() + 1));
            values[i] = valuesOf(vector);
        }
        OneVsRestSvm model = OneVsRestSvm.train(indices, values, categoryOf, categories.size(), features.size() + 1, COST);
        return new CategoryClassifier(copy, categories, weights, Map.copyOf(features), model);
    }

    /** Retraining takes a fraction of a second, so a dispatcher's correction simply joins the examples. */
    public CategoryClassifier retrainedWith(List<LabeledText> corrections) {
        List<LabeledText> all = new ArrayList<>(examples);
        all.addAll(corrections);
        return train(all);
    }

    /** Every known category with its confidence, best first; the confidences sum to 1. */
    public List<Suggestion> rank(String text) {
        Map<String, Double> vector = weights.vector(TextFeatures.ngrams(text));
        double[] scores = new double[categories.size()];
        if (!vector.isEmpty()) { // nothing known: every category alike, not the bias's preference
            // every n-gram with a weight was seen in training, so each has an index
            scores = model.scores(indicesOf(vector, features::get), valuesOf(vector));
        }
        double[] confidence = softmax(scores);
        List<Suggestion> ranked = new ArrayList<>(categories.size());
        for (int c = 0; c < categories.size(); c++) {
            ranked.add(new Suggestion(categories.get(c), confidence[c]));
        }
        // ties (a text with no known n-gram) fall back to category order, so ranks are reproducible
        ranked.sort(Comparator.comparingDouble(Suggestion::confidence).reversed()
                .thenComparing(Suggestion::category));
        return List.copyOf(ranked);
    }

    /** A vector's feature indices, the bias (0) first, in the map's order (as {@link #valuesOf}). */
    private static int[] indicesOf(Map<String, Double> vector, ToIntFunction<String> indexOf) {
        int[] indices = new int[vector.size() + 1];
        int j = 1;
        for (String gram : vector.keySet()) {
            indices[j++] = indexOf.applyAsInt(gram);
        }
        return indices;
    }

    /** A vector's values, the bias's constant 1 first, in the map's order (as {@link #indicesOf}). */
    private static double[] valuesOf(Map<String, Double> vector) {
        double[] values = new double[vector.size() + 1];
        values[0] = 1;
        int j = 1;
        for (double value : vector.values()) {
            values[j++] = value;
        }
        return values;
    }

    public int exampleCount() {
        return examples.size();
    }

    public List<String> categories() {
        return categories;
    }

    private static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp((scores[i] - max) / TEMPERATURE);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
