package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class TermWeightsTest {

    @Test
    void an_ngram_of_one_category_keeps_its_weight_and_one_used_alike_by_all_loses_it() {
        // 喂 and 燃 both occur in two of the four texts; only 燃 says which category a text is
        List<List<String>> documents = List.of(List.of("喂", "燃"), List.of("喂", "电"), List.of("气", "燃"), List.of("气", "电"));
        TermWeights weights = TermWeights.learn(documents, new int[] {0, 1, 0, 1}, 2);

        assertThat(weights.vector(List.of("喂", "燃"))).containsOnlyKeys("燃");
        assertThat(weights.vector(List.of("喂"))).isEmpty();
    }

    @Test
    void spread_runs_from_one_category_to_every_category_alike_by_share_not_count() {
        assertThat(TermWeights.spread(new int[] {3, 0, 0}, new int[] {10, 10, 10})).isCloseTo(0.0, within(1e-12));
        assertThat(TermWeights.spread(new int[] {2, 2, 2}, new int[] {10, 10, 10})).isCloseTo(1.0, within(1e-12));
        // 10 of 100 and 1 of 10: the same share, so as even as can be although the counts differ tenfold
        assertThat(TermWeights.spread(new int[] {10, 1}, new int[] {100, 10})).isCloseTo(1.0, within(1e-12));
        assertThat(TermWeights.spread(new int[] {2, 1, 0}, new int[] {10, 10, 10})).isStrictlyBetween(0.0, 1.0);
        assertThat(TermWeights.spread(new int[] {5}, new int[] {5})).isZero();
    }
}
