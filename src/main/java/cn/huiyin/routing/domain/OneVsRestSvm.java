package cn.huiyin.routing.domain;

import java.util.Random;

/**
 * A linear support vector machine per category against all the others (one-vs-rest), L2-regularised with the squared
 * hinge loss, trained by dual coordinate descent (Hsieh et al., "A dual coordinate descent method for large-scale
 * linear SVM", ICML 2008 — the method of liblinear's default solver). Inputs are sparse: each example is its feature
 * indices and values, feature 0 being a constant 1 (the bias).
 *
 * <p>Deterministic: each category's pass order is shuffled by a random generator seeded with the category's index.
 */
final class OneVsRestSvm {

    /** A pass whose largest projected gradient is below this has converged (liblinear's default stops at 0.1). */
    private static final double TOLERANCE = 1e-3;
    private static final int MAX_PASSES = 50;

    /** Weights laid out feature-major (feature × categories + category), so a text's score reads them in order. */
    private final float[] weights;
    private final int categories;

    private OneVsRestSvm(float[] weights, int categories) {
        this.weights = weights;
        this.categories = categories;
    }

    /**
     * @param indices per example, its feature indices (below {@code features}; 0 the bias)
     * @param values per example, the values at those indices
     * @param categoryOf per example, its category (below {@code categories})
     * @param cost C, the price of a margin violation against the weights' size
     */
    static OneVsRestSvm train(int[][] indices, double[][] values, int[] categoryOf, int categories, int features,
            double cost) {
        int n = indices.length;
        double[] squaredNorm = new double[n];
        for (int i = 0; i < n; i++) {
            for (double v : values[i]) {
                squaredNorm[i] += v * v;
            }
        }
        double diagonal = 1 / (2 * cost); // the squared hinge's term in the dual
        float[] all = new float[features * categories];
        double[] w = new double[features];
        double[] alpha = new double[n];
        int[] order = new int[n];
        for (int k = 0; k < categories; k++) {
            java.util.Arrays.fill(w, 0);
            java.util.Arrays.fill(alpha, 0);
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Random random = new Random(k);
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                shuffle(order, random);
                double largestStep = 0;
                for (int i : order) {
                    double y = categoryOf[i] == k ? 1 : -1;
                    double gradient = y * dot(w, indices[i], values[i]) - 1 + diagonal * alpha[i];
                    double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
                    largestStep = Math.max(largestStep, Math.abs(projected));
                    if (projected != 0) {
                        double before = alpha[i];
                        alpha[i] = Math.max(before - gradient / (squaredNorm[i] + diagonal), 0);
                        double step = (alpha[i] - before) * y;
                        for (int j = 0; j < indices[i].length; j++) {
                            w[indices[i][j]] += step * values[i][j];
                        }
                    }
                }
                if (largestStep < TOLERANCE) {
                    break;
                }
            }
            for (int f = 0; f < features; f++) {
                all[f * categories + k] = (float) w[f];
            }
        }
        return new OneVsRestSvm(all, categories);
    }

    /** Each category's decision value for a sparse input (its indices and values, the bias included). */
    double[] scores(int[] indices, double[] values) {
        double[] scores = new double[categories];
        for (int j = 0; j < indices.length; j++) {
            int base = indices[j] * categories;
            for (int k = 0; k < categories; k++) {
                scores[k] += weights[base + k] * values[j];
            }
        }
        return scores;
    }

    private static double dot(double[] w, int[] indices, double[] values) {
        double sum = 0;
        for (int j = 0; j < indices.length; j++) {
            sum += w[indices[j]] * values[j];
        }
        return sum;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
