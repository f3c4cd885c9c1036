package cn.huiyin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

class RollupTest {

    /** Rollups of a few to thousands of appeals, minutes from 0 to years, as rows hold them. */
    private static List<Rollup> rollups() {
        SplittableRandom random = new SplittableRandom(11);
        List<Rollup> rollups = new ArrayList<>();
        for (int size : new int[] { 0, 1, 3, 40, 300, 9000 }) {
            for (int r = 0; r < 5; r++) {
                Rollup rollup = new Rollup();
                for (int i = 0; i < size; i++) {
                    long response = random.nextInt(10) == 0 ? 0 : (long) Math.exp(random.nextDouble() * 8);
                    long handling = random.nextInt(50) == 0 ? random.nextLong(2_000_000) : (long) Math.exp(random.nextDouble() * 11);
                    rollup.add(Count.RECEIVED.bit() | (i % 3 == 0 ? Count.REPLIED.bit() : 0), (long) i, response,
                            i % 7 == 0 ? null : handling);
                }
                rollups.add(rollup);
            }
        }
        return rollups;
    }

    @Test
    void aStoredHistogramDecodesToTheBucketsHdrHistogramDecodes() throws Exception {
        for (Rollup rollup : rollups()) {
            for (Histogram original : List.of(rollup.response(), rollup.handling())) {
                byte[] bytes = Rollup.encode(original);
                Histogram theirs = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
                Histogram ours = Rollup.decode(bytes);
                assertThat(buckets(ours)).isEqualTo(buckets(theirs)).isEqualTo(buckets(original));
                assertThat(ours.getTotalCount()).isEqualTo(original.getTotalCount());
                assertThat(ours.getMaxValue()).isEqualTo(original.getMaxValue());
                assertThat(ours.getMinValue()).isEqualTo(original.getMinValue());
                for (double p : new double[] { 0, 50, 90, 99, 100 }) {
                    assertThat(ours.getValueAtPercentile(p)).isEqualTo(original.getValueAtPercentile(p));
                }
            }
        }
    }

    @Test
    void aMonthLessSomeDaysIsItsOtherDaysMerged() {
        List<Rollup> days = rollups();
        Rollup month = stored(new Rollup());
        days.forEach(day -> month.merge(stored(day)));
        Rollup others = new Rollup();
        for (int d = 0; d < days.size(); d++) {
            if (d % 4 == 0) {
                month.subtract(stored(days.get(d)));
            } else {
                others.merge(stored(days.get(d)));
            }
        }
        assertThat(month.counts()).isEqualTo(others.counts());
        assertThat(month.custodyMinutes()).isEqualTo(others.custodyMinutes());
        assertThat(month.custodyAppeals()).isEqualTo(others.custodyAppeals());
        assertThat(buckets(month.response())).isEqualTo(buckets(others.response()));
        assertThat(buckets(month.handling())).isEqualTo(buckets(others.handling()));
        assertThat(month.handling().getMaxValue()).isEqualTo(others.handling().getMaxValue());
        assertThat(month.handling().getValueAtPercentile(90)).isEqualTo(others.handling().getValueAtPercentile(90));
        assertThat(month.isEmpty()).isFalse();
    }

    @Test
    void aMonthLessAllItsDaysIsEmptyAndKeepsNoZeroCounts() {
        Rollup day = rollups().get(20);
        Rollup month = stored(day).subtract(stored(day));
        assertThat(month.isEmpty()).isTrue();
        assertThat(month.counts()).isEmpty();
    }

    @Test
    void subtractingWhatIsNotAPartFails() {
        Rollup small = rollups().get(10);
        assertThatThrownBy(() -> stored(small).subtract(stored(rollups().get(25))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The same stored bytes read twice share their decoded histograms, and changing one reading leaves the other. */
    @Test
    void aRowReadAgainIsUnchangedByWhatWasDoneToItsFirstReading() {
        Rollup day = rollups().get(22);
        Rollup first = stored(day);
        Rollup second = stored(day);
        assertThat(second.handling()).isSameAs(first.handling());
        first.merge(stored(rollups().get(27)));
        first.add(Count.RECEIVED.bit(), 1L, 5L, 77_777L);
        stored(rollups().get(27)).subtract(stored(rollups().get(27)));
        Rollup third = stored(day);
        assertThat(buckets(third.handling())).isEqualTo(buckets(day.handling()));
        assertThat(buckets(third.response())).isEqualTo(buckets(day.response()));
        assertThat(buckets(stored(rollups().get(27)).handling())).isEqualTo(buckets(rollups().get(27).handling()));
        assertThat(first.handling()).isNotSameAs(third.handling());
    }

    private static Rollup stored(Rollup rollup) {
        return Rollup.stored(Map.copyOf(rollup.counts()), rollup.custodyMinutes(), rollup.custodyAppeals(),
                rollup.encodedResponse(), rollup.encodedHandling());
    }

    private static List<String> buckets(Histogram h) {
        List<String> buckets = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            buckets.add(v.getValueIteratedTo() + "×" + v.getCountAtValueIteratedTo());
        }
        return buckets;
    }
}
