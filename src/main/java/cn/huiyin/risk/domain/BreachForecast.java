package cn.huiyin.risk.domain;

/**
 * The probability that an open appeal's handling clock (处置) runs out before its reply.
 *
 * <p>From the unit's handling times T (dispatch to first reply, working minutes): an appeal open after {@code e}
 * working minutes misses a deadline {@code r} minutes ahead when T &gt; e + r, given T &gt; e; so
 * {@code P = S(e + r') / S(e)} with S the unit's survival. The live backlog slows what is still to come: the remaining
 * {@code r} counts as {@code r' = r / s}, with the stretch {@code s = load^loadExponent} held within
 * [1/maxStretch, maxStretch]. Only the future is stretched, because the elapsed part already happened under whatever
 * load there was. The exponent is chosen by the backtest (docs/sla.md, "Breaches seen coming").
 *
 * @param loadExponent how strongly the backlog stretches the remaining time; 0 ignores the backlog
 * @param maxStretch   the most the backlog may stretch or shrink the remaining time
 */
public record BreachForecast(double loadExponent, double maxStretch) {

    public BreachForecast {
        if (loadExponent < 0 || maxStretch < 1) {
            throw new IllegalArgumentException("loadExponent >= 0 and maxStretch >= 1");
        }
    }

    /**
     * @param times     the unit's handling times; empty gives the naive answer of 0.5 (nothing known)
     * @param elapsed   working minutes since dispatch
     * @param remaining working minutes left on the handling clock; 0 or less is already missed
     * @param load      the unit's load now
     */
    public double missProbability(HandlingTimes times, long elapsed, long remaining, UnitLoad load) {
        if (remaining <= 0) {
            return 1.0;
        }
        if (times.isEmpty()) {
            return 0.5;
        }
        double stretch = Math.max(1 / maxStretch, Math.min(maxStretch, Math.pow(load.factor(), loadExponent)));
        double start = Math.max(0, elapsed);
        double p = times.survival(start + remaining / stretch) / times.survival(start);
        return Math.min(1.0, Math.max(0.0, p));
    }
}
