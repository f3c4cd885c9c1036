package cn.huiyin.risk.domain;

import java.util.Arrays;

/**
 * A unit's handling times (dispatch to first reply, in working minutes) as a sorted sample: either every value, or
 * a few hundred quantiles of a histogram, which is all a survival estimate needs.
 */
public final class HandlingTimes {

    private final long[] sorted;

    private HandlingTimes(long[] sorted) {
        this.sorted = sorted;
    }

    /** From observed handling times (any order). */
    public static HandlingTimes of(long... minutes) {
        long[] copy = minutes.clone();
        Arrays.sort(copy);
        return new HandlingTimes(copy);
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * The share of appeals not yet answered after {@code minutes}, smoothed (half a case above, one in all) so that
     * a time beyond everything seen gives a small positive number instead of zero.
     */
    public double survival(double minutes) {
        int answered = SortedCounts.atOrBelow(sorted, minutes);
        return (sorted.length - answered + 0.5) / (sorted.length + 1.0);
    }

    /** The median handling time; 0 when nothing is known. */
    public long median() {
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElse(0);
    }
}
