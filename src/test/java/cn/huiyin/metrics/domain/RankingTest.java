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
        RankingWeights weights = new RankingWeights(0.25, 0.25, 0.30, 0.20, 0.10);
        List<Ranking.Entry> ranked = Ranking.rank(Map.of(
                "A", rollup(10, 10, 10, 10, 10),
                "B", rollup(10, 5, 10, 5, 10),
                "C", rollup(2, 2, 0, 0, 0)), weights, 5);
        assertThat(ranked).extracting(Ranking.Entry::code).containsExactly("A", "B", "C");
        assertThat(ranked.get(0).score()).isEqualTo(100.0);
        // B: response 0.5, resolution 0.5, satisfaction 1.0, never supervised so 免督办率 1.0; no handling due, so
        // the weights 0.25+0.25+0.30+0.10 share its part
        assertThat(ranked.get(1).score()).isEqualTo(Math.round((0.125 + 0.125 + 0.30 + 0.10) / 0.90 * 10000) / 100.0);
        assertThat(ranked.get(2).place()).as("too few appeals: listed, not ranked").isZero();
    }

    /** {@code received} appeals, all responded on time, {@code supervised} of them given a supervision order. */
    private static Rollup supervised(int received, int supervised) {
        Rollup r = new Rollup();
        for (int i = 0; i < received; i++) {
            int bits = Count.RECEIVED.bit() | Count.RESPOND_DUE.bit() | Count.RESPOND_ON_TIME.bit();
            r.add(bits | (i < supervised ? Count.SUPERVISED.bit() : 0), null, null, null);
        }
        return r;
    }

    @Test
    void supervision_lowers_the_score_by_its_share_of_the_appeals_received() {
        // 免督办率 = 1 − supervised ÷ received: D 1 − 2/10 = 0.8, E 1 − 0/10 = 1.0, F 1 − 10/10 = 0
        Rollup d = supervised(10, 2);
        assertThat(Figure.UNSUPERVISED_RATE.of(d)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Figure.UNSUPERVISED_RATE.of(new Rollup())).as("nothing received: no rate").isNull();

        RankingWeights weights = new RankingWeights(0.25, 0.25, 0.30, 0.20, 0.10);
        List<Ranking.Entry> ranked = Ranking.rank(Map.of("D", d, "E", supervised(10, 0), "F", supervised(10, 10)),
                weights, 5);
        assertThat(ranked).extracting(Ranking.Entry::code).containsExactly("E", "D", "F");
        // only 响应率 (1.0, weight 0.25) and 免督办率 (weight 0.10) have a denominator:
        // D (0.25 × 1.0 + 0.10 × 0.8) ÷ 0.35 = 0.33 ÷ 0.35 = 94.29; E 100; F 0.25 ÷ 0.35 = 71.43
        assertThat(ranked).extracting(Ranking.Entry::score).containsExactly(100.0, 94.29, 71.43);

        // weight 0: supervision leaves the score, and the two tie at 100
        List<Ranking.Entry> without = Ranking.rank(Map.of("D", d, "F", supervised(10, 10)),
                new RankingWeights(0.25, 0.25, 0.30, 0.20, 0), 5);
        assertThat(without).extracting(Ranking.Entry::score).containsExactly(100.0, 100.0);
        assertThat(without).extracting(Ranking.Entry::place).containsExactly(1, 1);
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
