package cn.huiyin.risk.domain;

import java.util.Arrays;

/**
 * How long appeals stay unanswered, as a Kaplan–Meier estimate: answered appeals are events at their handling time,
 * appeals still open are censored at their elapsed time. Leaving the open ones out would bias the curve short, since
 * the slow appeals of a recent cohort are exactly the ones not answered yet.
 */
final class Survival {

    static final Survival NONE = of(new long[0], new long[0]);

    private final long[] times;          // distinct answer times, ascending
    private final double[] logAfter;     // log of the estimated survival just after times[i]
    private final double[] hazardAfter;  // Nelson–Aalen cumulative hazard just after times[i]
    private final long[] observed;       // every observation's time, ascending, for the count still at risk

    private Survival(long[] times, double[] logAfter, double[] hazardAfter, long[] observed) {
        this.times = times;
        this.logAfter = logAfter;
        this.hazardAfter = hazardAfter;
        this.observed = observed;
    }

    /**
     * @param answered handling times of the answered appeals, working minutes
     * @param open     elapsed times of the appeals still open, working minutes
     */
    static Survival of(long[] answered, long[] open) {
        long[] events = answered.clone();
        Arrays.sort(events);
        long[] observed = Arrays.copyOf(events, events.length + open.length);
        System.arraycopy(open, 0, observed, events.length, open.length);
        Arrays.sort(observed);
        long[] times = new long[events.length];
        double[] logAfter = new double[events.length];
        double[] hazardAfter = new double[events.length];
        int distinct = 0;
        double log = 0;
        double hazard = 0;
        for (int i = 0; i < events.length;) {
            long t = events[i];
            int answeredAtT = 0;
            while (i < events.length && events[i] == t) {
                answeredAtT++;
                i++;
            }
            long atRisk = observed.length - SortedCounts.below(observed, t);     // an appeal open at t was still at risk at t
            log += atRisk == answeredAtT ? Double.NEGATIVE_INFINITY : Math.log1p(-(double) answeredAtT / atRisk);
            hazard += (double) answeredAtT / atRisk;
            times[distinct] = t;
            logAfter[distinct] = log;
            hazardAfter[distinct] = hazard;
            distinct++;
        }
        return new Survival(Arrays.copyOf(times, distinct), Arrays.copyOf(logAfter, distinct),
                Arrays.copyOf(hazardAfter, distinct), observed);
    }

    boolean isEmpty() {
        return observed.length == 0;
    }

    /** How many appeals, answered or open, lasted longer than {@code minutes}. */
    int atRiskAfter(double minutes) {
        return observed.length - SortedCounts.atOrBelow(observed, minutes);
    }

    /**
     * S(to) / S(from): the estimated share of the appeals unanswered after {@code from} still unanswered after
     * {@code to}. Only meaningful while some appeal lasted beyond {@code from} ({@link #atRiskAfter}).
     */
    double ratio(double from, double to) {
        double logFrom = logAt(from);
        return logFrom == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logAt(to) - logFrom);
    }

    /**
     * The same, smoothed by half an appeal that is: with n appeals seen beyond {@code from},
     * {@code (n·S(to)/S(from) + ½) / (n + ½)}. An appeal that has outlasted everything seen reads as 1; one with a
     * long record behind it reads as the record.
     */
    double stillOpen(double from, double to) {
        int n = atRiskAfter(from);
        return n == 0 ? 1.0 : (n * ratio(from, to) + 0.5) / (n + 0.5);
    }

    /**
     * The cumulative hazard at t (Nelson–Aalen: the answers at each time over the appeals then at risk, summed). Summed
     * over the appeals the curve was made from, at their times, it gives back the number answered — so it is the
     * measure of "answers expected" against which a unit's pace is read.
     */
    double cumulativeHazard(double minutes) {
        int i = SortedCounts.atOrBelow(times, minutes);
        return i == 0 ? 0 : hazardAfter[i - 1];
    }

    private double logAt(double minutes) {
        int i = SortedCounts.atOrBelow(times, minutes);
        return i == 0 ? 0 : logAfter[i - 1];
    }
}
