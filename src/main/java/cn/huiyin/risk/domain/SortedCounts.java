package cn.huiyin.risk.domain;

/** Counts in an ascending array by binary search: what the survival curves and the backtest ask of their samples. */
final class SortedCounts {

    private SortedCounts() {
    }

    /** How many values are at or below {@code t}. */
    static int atOrBelow(long[] sorted, double t) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** How many values are below {@code t}. */
    static int below(long[] sorted, long t) {
        return atOrBelow(sorted, t - 1);
    }
}
