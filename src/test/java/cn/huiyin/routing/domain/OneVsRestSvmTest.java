package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OneVsRestSvmTest {

    // feature 0 is the bias; each category has a feature of its own, and feature 4 is shared by all of them
    private static final int[][] INDICES = {{0, 1, 4}, {0, 1}, {0, 2, 4}, {0, 2}, {0, 3, 4}, {0, 3}};
    private static final double[][] VALUES = {{1, 0.8, 0.6}, {1, 1}, {1, 0.8, 0.6}, {1, 1}, {1, 0.8, 0.6}, {1, 1}};
    private static final int[] CATEGORY = {0, 0, 1, 1, 2, 2};

    @Test
    void each_category_scores_highest_on_its_own_feature() {
        OneVsRestSvm svm = OneVsRestSvm.train(INDICES, VALUES, CATEGORY, 3, 5, 1.0);

        for (int k = 0; k < 3; k++) {
            double[] scores = svm.scores(new int[] {0, k + 1}, new double[] {1, 1});
            for (int other = 0; other < 3; other++) {
                if (other != k) {
                    assertThat(scores[k]).as("category %d against %d", k, other).isGreaterThan(scores[other]);
                }
            }
            assertThat(scores[k]).as("its own side of the margin").isPositive();
        }
    }

    @Test
    void a_feature_every_category_shares_decides_nothing() {
        OneVsRestSvm svm = OneVsRestSvm.train(INDICES, VALUES, CATEGORY, 3, 5, 1.0);

        double[] scores = svm.scores(new int[] {0, 4}, new double[] {1, 1});

        assertThat(scores[0]).isCloseTo(scores[1], within(0.01))
                .isCloseTo(scores[2], within(0.01));
    }

    @Test
    void the_same_examples_give_the_same_weights() {
        double[] one = OneVsRestSvm.train(INDICES, VALUES, CATEGORY, 3, 5, 1.0).scores(new int[] {0, 1, 2}, new double[] {1, 0.5, 0.5});
        double[] two = OneVsRestSvm.train(INDICES, VALUES, CATEGORY, 3, 5, 1.0).scores(new int[] {0, 1, 2}, new double[] {1, 0.5, 0.5});

        assertThat(two).containsExactly(one);
    }
}
