package cn.huiyin.risk.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What recent handling says about how long appeals stay unanswered, for one unit or for the whole city: the appeals
 * answered (handling time) and the appeals open now (time so far), each with the working minutes its handling clock
 * allows. Give the answered appeals dispatched in a trailing window (the backtest: 60 working days) and every
 * appeal open now: taken by dispatch, the answered and the open form one cohort, so its slow members are counted
 * (as open) rather than left out until they are answered.
 *
 * <p>Appeals are compared only with appeals whose clocks are alike — allowed times within a factor of two — because a
 * 2-day consultation (咨询) and a 15-day complaint (投诉) are different work: a unit's pooled handling times mix the two
 * populations, and the share of each moves with the unit's mix, not with its speed.
 */
public final class UnitHistory {

    /** An answered appeal: dispatch to first reply, and what its handling clock allowed; working minutes. */
    public record Finished(long handledMinutes, long allowedMinutes) {
    }

    /** An appeal open now: working minutes since dispatch, and what its handling clock allows. */
    public record Open(long elapsedMinutes, long allowedMinutes) {
    }

    /** Clocks whose allowed times are within this factor of each other count as alike. */
    static final double ALIKE = 2.0;

    private final long[] allowed;       // every appeal's allowed time, ascending
    private final long[] minutes;       // its handling time (answered) or time so far (open)
    private final boolean[] answered;
    private final int answeredCount;
    private final Map<Long, Survival> curves = new ConcurrentHashMap<>();
    private final Map<UnitHistory, Double> expected = new ConcurrentHashMap<>();

    private UnitHistory(long[] allowed, long[] minutes, boolean[] answered, int answeredCount) {
        this.allowed = allowed;
        this.minutes = minutes;
        this.answered = answered;
        this.answeredCount = answeredCount;
    }

    public static UnitHistory of(Collection<Finished> finished, Collection<Open> open) {
        record Appeal(long allowed, long minutes, boolean answered) {
        }
        List<Appeal> all = new ArrayList<>(finished.size() + open.size());
        finished.forEach(f -> all.add(new Appeal(f.allowedMinutes(), Math.max(0, f.handledMinutes()), true)));
        open.forEach(o -> all.add(new Appeal(o.allowedMinutes(), Math.max(0, o.elapsedMinutes()), false)));
        all.sort(Comparator.comparingLong(Appeal::allowed));
        long[] allowed = new long[all.size()];
        long[] minutes = new long[all.size()];
        boolean[] answered = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            allowed[i] = all.get(i).allowed();
            minutes[i] = all.get(i).minutes();
            answered[i] = all.get(i).answered();
        }
        return new UnitHistory(allowed, minutes, answered, finished.size());
    }

    public static UnitHistory empty() {
        return of(List.of(), List.of());
    }

    /** How many answered appeals it holds. */
    public int answered() {
        return answeredCount;
    }

    /** How many open appeals it holds. */
    public int open() {
        return allowed.length - answeredCount;
    }

    /**
     * The survival of the appeals whose clocks are alike to one allowing {@code allowedMinutes}: the open ones
     * censored. An unknown allowed time (0 or less) takes every appeal.
     */
    Survival clocksLike(long allowedMinutes) {
        int from = allowedMinutes <= 0 ? 0 : firstAtLeast(allowedMinutes / ALIKE);
        int to = allowedMinutes <= 0 ? allowed.length : firstAtLeast(Math.nextUp(allowedMinutes * ALIKE));
        // alike clocks are a run of the sorted appeals: the run names the curve
        return curves.computeIfAbsent((long) from * (allowed.length + 1) + to, key -> curve(from, to));
    }

    /**
     * How many answers this history would hold had its appeals been answered at the pace of {@code reference}, clock
     * for clock: the sum, over its appeals, of the reference's cumulative hazard at each one's time (answered or so
     * far). Against its actual answers it gives the unit's pace relative to the city, as in a proportional hazards
     * model.
     */
    double expectedAnswersAtPaceOf(UnitHistory reference) {
        return expected.computeIfAbsent(reference, r -> {
            double sum = 0;
            for (int i = 0; i < allowed.length; i++) {
                sum += r.clocksLike(allowed[i]).cumulativeHazard(minutes[i]);
            }
            return sum;
        });
    }

    private Survival curve(int from, int to) {
        int answeredHere = 0;
        for (int i = from; i < to; i++) {
            answeredHere += answered[i] ? 1 : 0;
        }
        long[] handled = new long[answeredHere];
        long[] open = new long[to - from - answeredHere];
        int a = 0;
        int o = 0;
        for (int i = from; i < to; i++) {
            if (answered[i]) {
                handled[a++] = minutes[i];
            } else {
                open[o++] = minutes[i];
            }
        }
        return Survival.of(handled, open);
    }

    /** The index of the first appeal allowed at least {@code minutes}. */
    private int firstAtLeast(double minutes) {
        int low = 0;
        int high = allowed.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (allowed[mid] < minutes) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
