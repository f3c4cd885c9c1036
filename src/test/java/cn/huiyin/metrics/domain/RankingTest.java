package cn.huiyin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingTest {

    private static Rollup rollup(int respondDue, int respondOnTime, int rated, int resolved, int satisfied) {
        Rollup r = new Rollup();
        for (int i = 0; i < Math.max(respondDue, rated); i++) {
            int bits = Count.RECEIVED.bit();
            bits |= i < respondDue ? Count.RESPOND_DUE.bit() : 0;
            bits |= i < respondOnTime ? Count.RESPOND_ON_TIME.bit() : 0;
            bits |= i < rated ? Count.RATED.bit() : 0;
            bits |= i < resolved ? Count.RESOLVED.bit() : 0;
            bits |= i < satisfied ? Count.SATISFIED.bit() : 0;
            r.add(bits, null, null, null);
        }
        return r;
    }

    @Test
    void the_score_is_the_weighted_mean_of_the_rates_present() {
        RankingWeights weights = new RankingWeights(0.25, 0.25, 0.30, 0.20);
        List<Ranking.Entry> ranked = Ranking.rank(Map.of(
                "A", rollup(10, 10, 10, 10, 10),
                "B", rollup(10, 5, 10, 5, 10),
                "C", rollup(2, 2, 0, 0, 0)), weights, 5);
        assertThat(ranked).extracting(Ranking.Entry::code).containsExactly("A", "B", "C");
        assertThat(ranked.get(0).score()).isEqualTo(100.0);
        // B: response 0.5, resolution 0.5, satisfaction 1.0; no handling due, so weights 0.25+0.25+0.30 share it
        assertThat(ranked.get(1).score()).isEqualTo(Math.round((0.125 + 0.125 + 0.30) / 0.80 * 10000) / 100.0);
        assertThat(ranked.get(2).place()).as("too few appeals: listed, not ranked").isZero();
    }

    @Test
    void a_rollup_survives_encoding() {
        Rollup r = new Rollup();
        r.add(Count.RECEIVED.bit(), 10L, 5L, 420L);
        r.add(Count.RECEIVED.bit(), null, 90L, 20L);
        Rollup back = Rollup.stored(r.counts(), r.custodyMinutes(), r.custodyAppeals(), r.encodedResponse(),
                r.encodedHandling());
        assertThat(back.count(Count.RECEIVED)).isEqualTo(2);
        assertThat(back.handling().getValueAtPercentile(100)).isEqualTo(r.handling().getValueAtPercentile(100));
        assertThat(back.response().getTotalCount()).isEqualTo(2);
    }
}
