package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which answered rounds the district calls back besides every bad rating: the same on every replica, every time. */
class ReturnVisitSampleTest {

    @Test
    void the_return_visit_sample_is_deterministic_and_close_to_its_percentage() {
        assertThat(ReturnVisitSample.bucket("1234567890123", 1)).isEqualTo(ReturnVisitSample.bucket("1234567890123", 1));
        long sampled = IntStream.range(0, 10_000)
                .filter(i -> ReturnVisitSample.sampled(String.format("%013d", i), 1, 10)).count();
        assertThat(sampled).isBetween(800L, 1200L);
        assertThat(ReturnVisitSample.sampled("1234567890123", 1, 0)).isFalse();
        assertThat(ReturnVisitSample.sampled("1234567890123", 1, 100)).isTrue();
    }

    @Test
    void every_bucket_is_a_percentile_and_all_of_them_occur() {
        int[] seen = new int[100];
        IntStream.range(0, 20_000).forEach(i -> seen[ReturnVisitSample.bucket(String.format("%013d", i), 1)]++);
        assertThat(seen).doesNotContain(0);
    }

    @Test
    void each_round_of_an_appeal_is_drawn_afresh() {
        long differing = IntStream.range(0, 200).filter(i -> {
            String no = String.format("26120700%05d", i);
            return ReturnVisitSample.bucket(no, 1) != ReturnVisitSample.bucket(no, 2);
        }).count();
        assertThat(differing).isGreaterThan(150);
    }

    @Test
    void a_round_in_a_smaller_sample_is_in_every_larger_one() {
        for (int i = 0; i < 500; i++) {
            String no = String.format("%013d", i);
            int smallest = IntStream.rangeClosed(0, 100).filter(p -> ReturnVisitSample.sampled(no, 1, p)).findFirst()
                    .orElseThrow();
            assertThat(IntStream.rangeClosed(smallest, 100)).allMatch(p -> ReturnVisitSample.sampled(no, 1, p));
            assertThat(smallest).isEqualTo(ReturnVisitSample.bucket(no, 1) + 1);
        }
    }

    @ParameterizedTest(name = "{0}% → {1}")
    @CsvSource({ "-1, false", "0, true", "10, true", "100, true", "101, false" })
    void the_configured_share_is_zero_to_a_hundred_percent(int percent, boolean valid) {
        assertThat(ReturnVisitSample.isPercent(percent)).isEqualTo(valid);
    }
}
