package cn.huiyin.risk.domain;

/**
 * The probability that an open appeal's handling clock (处置) runs out before its reply.
 *
 * <p>An appeal open for {@code e} working minutes misses a deadline {@code r} minutes ahead when its handling time T
 * exceeds {@code e + r}, given T &gt; e: {@code P = S(e + r') / S(e)}. S is read from three things, each backing up the
 * next where it knows little:
 * <ol>
 * <li>the city's survival for clocks alike to this one (allowed time within a factor of two, see {@link UnitHistory}),
 * Kaplan–Meier with the open appeals censored;
 * <li>the unit's pace against the city, clock for clock: {@code ρ = (answers + 5) / (answers expected at the city's
 * pace + 5)}; the city's conditional survival raised to ρ (proportional hazards) is what the unit's pace alone
 * predicts;
 * <li>the unit's own survival for clocks alike, weighted by the n of its appeals that lasted beyond {@code e} against
 * 20 for the prediction from its pace: {@code P = (n·S_unit(e+r')/S_unit(e) + 20·P_pace) / (n + 20)}.
 * </ol>
 * The live backlog slows what is still to come: the remaining {@code r} counts as {@code r' = r / s}, with the stretch
 * {@code s = load^loadExponent} held within [1/maxStretch, maxStretch]. Only the future is stretched, because the
 * elapsed part already happened under whatever load there was. The exponent and the alert threshold are chosen by the
 * backtest (docs/sla.md, "Breaches seen coming").
 *
 * <p>A live job calls, per open appeal: {@code missProbability(unit, city, elapsed, remaining, allowed, load)} with
 * {@code unit = UnitHistory.of(unitAnswered, unitOpen)}, {@code city = UnitHistory.of(allAnswered, allOpen)} and
 * {@code load = UnitLoad.of(unitOpen.size(), answeredInWindow, windowMinutes, meanHandlingMinutes)}; histories are
 * immutable and cache their curves, so build them once per refresh and reuse them for every appeal.
 *
 * @param loadExponent how strongly the backlog stretches the remaining time; 0 ignores the backlog
 * @param maxStretch   the most the backlog may stretch or shrink the remaining time
 */
public record BreachForecast(double loadExponent, double maxStretch) {

    /** Pseudo-answers that pull a unit's pace toward the city's: a unit with a handful of answers is not yet fast or slow. */
    static final double PACE_PRIOR = 5;

    /** Pseudo-appeals at risk behind the pace prediction: the unit's own curve takes over as its record grows. */
    static final double UNIT_PRIOR = 20;

    public BreachForecast {
        if (loadExponent < 0 || maxStretch < 1) {
            throw new IllegalArgumentException("loadExponent >= 0 and maxStretch >= 1");
        }
    }

    /**
     * @param unit      the unit's answered and open appeals
     * @param city      every unit's answered and open appeals, which back up a unit that has seen few alike
     * @param elapsed   working minutes since dispatch
     * @param remaining working minutes left on the handling clock; 0 or less is already missed
     * @param allowed   working minutes the handling clock allows in all (due − start); 0 or less if unknown
     * @param load      the unit's load now
     * @return the probability of missing; 0.5 when neither the unit nor the city has any history
     */
    public double missProbability(UnitHistory unit, UnitHistory city, long elapsed, long remaining, long allowed,
            UnitLoad load) {
        if (remaining <= 0) {
            return 1.0;
        }
        double from = Math.max(0, elapsed);
        double to = from + remaining / stretch(load);
        Survival cityCurve = city.clocksLike(allowed);
        double byPace = cityCurve.isEmpty() ? 0.5 : Math.pow(cityCurve.stillOpen(from, to), pace(unit, city));
        Survival own = unit.clocksLike(allowed);
        int n = own.atRiskAfter(from);
        double p = n == 0 ? byPace : (n * own.ratio(from, to) + UNIT_PRIOR * byPace) / (n + UNIT_PRIOR);
        return Math.min(1.0, Math.max(0.0, p));
    }

    /**
     * The former reading, from one pool of the unit's handling times with no clock lengths and no open appeals. The
     * live job no longer uses it; the backtest keeps it as a column to show what the clock lengths and the censoring
     * add (docs/sla.md).
     */
    public double missProbability(HandlingTimes times, long elapsed, long remaining, UnitLoad load) {
        if (remaining <= 0) {
            return 1.0;
        }
        if (times.isEmpty()) {
            return 0.5;
        }
        double start = Math.max(0, elapsed);
        double p = times.survival(start + remaining / stretch(load)) / times.survival(start);
        return Math.min(1.0, Math.max(0.0, p));
    }

    /** The unit's hazard against the city's, clock for clock; 1 is the city's pace, above 1 faster. */
    static double pace(UnitHistory unit, UnitHistory city) {
        return (unit.answered() + PACE_PRIOR) / (unit.expectedAnswersAtPaceOf(city) + PACE_PRIOR);
    }

    private double stretch(UnitLoad load) {
        return Math.max(1 / maxStretch, Math.min(maxStretch, Math.pow(load.factor(), loadExponent)));
    }
}
