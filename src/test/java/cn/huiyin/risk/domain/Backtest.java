package cn.huiyin.risk.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Replays a history of appeals on a working-minute axis and asks, k working days before each handling deadline, which
 * of the appeals still open will miss it. What a prediction may use is what the live job sees at that moment: the
 * unit's handling times answered in the trailing window, its answers in that window, and its open appeals now.
 */
final class Backtest {

    static final long DAY = 420;     // office minutes of a working day (09:00–12:00, 14:00–18:00)
    static final long WINDOW = 60 * DAY;
    static final int ENOUGH = 20;
    private static final String ALL = "*";

    /** One appeal: its unit, dispatch, first reply (Long.MAX_VALUE if none by the horizon) and handling due. */
    record Appeal(String unit, long dispatched, long replied, long due) {

        boolean missed() {
            return replied > due;
        }
    }

    /** One question: an appeal (dispatched at {@code appeal}) open at {@code at}, what was known then, and whether it did miss. */
    record Question(long appeal, long at, int daysAhead, long elapsed, long remaining, HandlingTimes times, long unitMedian,
            UnitLoad load, boolean missed) {
    }

    /** Counts of a rule's answers against the outcomes. */
    record Score(long truePositive, long falsePositive, long falseNegative, long trueNegative) {

        double precision() {
            return truePositive + falsePositive == 0 ? 0 : (double) truePositive / (truePositive + falsePositive);
        }

        double recall() {
            return truePositive + falseNegative == 0 ? 0 : (double) truePositive / (truePositive + falseNegative);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        long questions() {
            return truePositive + falsePositive + falseNegative + trueNegative;
        }

        long missed() {
            return truePositive + falseNegative;
        }
    }

    private Backtest() {
    }

    /** The questions asked {@code daysAhead} working days before each deadline whose outcome is known by {@code horizon}. */
    static List<Question> questions(List<Appeal> appeals, long horizon, int... daysAhead) {
        Map<String, Unit> units = new HashMap<>();
        for (Appeal a : appeals) {
            units.computeIfAbsent(a.unit(), u -> new Unit()).add(a);
            units.computeIfAbsent(ALL, u -> new Unit()).add(a);
        }
        units.values().forEach(Unit::index);
        List<Question> questions = new ArrayList<>();
        for (Appeal a : appeals) {
            boolean known = a.replied() <= horizon || a.due() <= horizon;
            for (int k : daysAhead) {
                long at = a.due() - k * DAY;
                if (!known || at < a.dispatched() || a.replied() <= at) {
                    continue;     // not open at the moment of the question
                }
                Unit unit = units.get(a.unit());
                HandlingTimes own = unit.timesAt(at);
                // as live: a unit with too few answers borrows the city's distribution
                HandlingTimes times = own.size() >= ENOUGH ? own : units.get(ALL).timesAt(at);
                UnitLoad load = UnitLoad.of(unit.openAt(at), unit.answeredIn(at - WINDOW, at), WINDOW, times.mean());
                questions.add(new Question(a.dispatched(), at, k, at - a.dispatched(), a.due() - at, times, own.median(),
                        load, a.missed()));
            }
        }
        return questions;
    }

    static Score score(List<Question> questions, Predicate<Question> saysMiss) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (Question q : questions) {
            boolean said = saysMiss.test(q);
            if (said && q.missed()) {
                tp++;
            } else if (said) {
                fp++;
            } else if (q.missed()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Score(tp, fp, fn, tn);
    }

    /** The naive rule: late if the time left is below the unit's median handling time. */
    static boolean naive(Question q) {
        return q.remaining() < q.unitMedian();
    }

    /** A unit's history, indexed for "what was known at t". */
    private static final class Unit {

        private final List<Appeal> appeals = new ArrayList<>();
        private long[] dispatched;
        private long[] replied;
        private Appeal[] byReply;
        private final Map<Long, HandlingTimes> daily = new HashMap<>();

        void add(Appeal a) {
            appeals.add(a);
        }

        void index() {
            dispatched = appeals.stream().mapToLong(Appeal::dispatched).sorted().toArray();
            byReply = appeals.stream().sorted((x, y) -> Long.compare(x.replied(), y.replied())).toArray(Appeal[]::new);
            replied = Arrays.stream(byReply).mapToLong(Appeal::replied).toArray();
        }

        long openAt(long t) {
            return atOrBefore(dispatched, t) - atOrBefore(replied, t);
        }

        long answeredIn(long from, long to) {
            return atOrBefore(replied, to) - atOrBefore(replied, from);
        }

        /** Handling times answered in the window before t, as the live job refreshes them: once a working day. */
        HandlingTimes timesAt(long t) {
            long day = t / DAY;
            return daily.computeIfAbsent(day, d -> {
                long end = d * DAY;
                int from = atOrBefore(replied, end - WINDOW);
                int to = atOrBefore(replied, end);
                long[] minutes = new long[to - from];
                for (int i = from; i < to; i++) {
                    minutes[i - from] = byReply[i].replied() - byReply[i].dispatched();
                }
                return HandlingTimes.of(minutes);
            });
        }

        private static int atOrBefore(long[] sorted, long t) {
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
    }
}
