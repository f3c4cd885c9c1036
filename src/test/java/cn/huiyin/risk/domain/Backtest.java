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
 * unit's (and the city's) answered appeals of the trailing window and open appeals now, each with its clock's allowed
 * time, the unit's answers in that window, and, for the naive rule and the former forecast, the handling times
 * answered in the window.
 */
final class Backtest {

    static final long DAY = 420;     // office minutes of a working day (09:00–12:00, 14:00–18:00)
    static final long WINDOW = 60 * DAY;
    static final int ENOUGH = 20;
    private static final String CITY = "*";

    /** One appeal: its unit, dispatch, first reply (Long.MAX_VALUE if none by the horizon) and handling due. */
    record Appeal(String unit, long dispatched, long replied, long due) {

        boolean missed() {
            return replied > due;
        }

        /** The working minutes its handling clock allows. */
        long allowed() {
            return due - dispatched;
        }
    }

    /**
     * One question: an appeal (dispatched at {@code appeal}) open {@code daysAhead} working days before its deadline,
     * what was known then, and whether it did miss.
     *
     * @param pooled     the handling times answered in the window, one pool (the unit's, or the city's when it has
     *                   fewer than {@link #ENOUGH}): what the former forecast read
     * @param unitMedian the unit's own median handling time: what the naive rule reads
     */
    record Question(long appeal, int daysAhead, long elapsed, long remaining, long allowed, UnitHistory unit,
            UnitHistory city, UnitLoad load, HandlingTimes pooled, long unitMedian, boolean missed) {
    }

    /** Counts of a rule's answers against the outcomes. */
    record Score(long truePositive, long falsePositive, long falseNegative, long trueNegative) {

        static final Score NONE = new Score(0, 0, 0, 0);

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

        long missed() {
            return truePositive + falseNegative;
        }

        Score plus(Score other) {
            return new Score(truePositive + other.truePositive, falsePositive + other.falsePositive,
                    falseNegative + other.falseNegative, trueNegative + other.trueNegative);
        }
    }

    private Backtest() {
    }

    /** The questions asked {@code daysAhead} working days before each deadline whose outcome is known by {@code horizon}. */
    static List<Question> questions(List<Appeal> appeals, long horizon, int... daysAhead) {
        Map<String, Unit> units = new HashMap<>();
        for (Appeal a : appeals) {
            units.computeIfAbsent(a.unit(), u -> new Unit()).add(a);
            units.computeIfAbsent(CITY, u -> new Unit()).add(a);
        }
        units.values().forEach(Unit::index);
        Unit city = units.get(CITY);
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
                HandlingTimes pooled = own.size() >= ENOUGH ? own : city.timesAt(at);
                UnitLoad load = UnitLoad.of(unit.openAt(at), unit.answeredIn(at - WINDOW, at), WINDOW, pooled.mean());
                questions.add(new Question(a.dispatched(), k, at - a.dispatched(), a.due() - at, a.allowed(),
                        unit.historyAt(at), city.dailyHistoryAt(at), load, pooled, own.median(), a.missed()));
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
        private final Map<Long, UnitHistory> dailyHistory = new HashMap<>();

        void add(Appeal a) {
            appeals.add(a);
        }

        void index() {
            dispatched = appeals.stream().mapToLong(Appeal::dispatched).sorted().toArray();
            byReply = appeals.stream().sorted((x, y) -> Long.compare(x.replied(), y.replied())).toArray(Appeal[]::new);
            replied = Arrays.stream(byReply).mapToLong(Appeal::replied).toArray();
        }

        long openAt(long t) {
            return SortedCounts.atOrBelow(dispatched, t) - SortedCounts.atOrBelow(replied, t);
        }

        long answeredIn(long from, long to) {
            return SortedCounts.atOrBelow(replied, to) - SortedCounts.atOrBelow(replied, from);
        }

        /** Handling times answered in the window before t, as the live job refreshes them: once a working day. */
        HandlingTimes timesAt(long t) {
            long day = t / DAY;
            return daily.computeIfAbsent(day, d -> {
                long end = d * DAY;
                int from = SortedCounts.atOrBelow(replied, end - WINDOW);
                int to = SortedCounts.atOrBelow(replied, end);
                long[] minutes = new long[to - from];
                for (int i = from; i < to; i++) {
                    minutes[i - from] = byReply[i].replied() - byReply[i].dispatched();
                }
                return HandlingTimes.of(minutes);
            });
        }

        /**
         * What the live job reads at t: the appeals dispatched in the trailing window and answered by t, and every
         * appeal open at t. Answered appeals are taken by dispatch, not by answer, so that with the open ones they
         * form a cohort whose slow members are not left out.
         */
        UnitHistory historyAt(long t) {
            List<UnitHistory.Finished> finished = new ArrayList<>();
            List<UnitHistory.Open> open = new ArrayList<>();
            for (Appeal a : appeals) {
                if (a.dispatched() > t) {
                    continue;
                }
                if (a.replied() > t) {
                    open.add(new UnitHistory.Open(t - a.dispatched(), a.allowed()));
                } else if (a.dispatched() > t - WINDOW) {
                    finished.add(new UnitHistory.Finished(a.replied() - a.dispatched(), a.allowed()));
                }
            }
            return UnitHistory.of(finished, open);
        }

        /** The same, refreshed once a working day: the city's, which only backs up each unit's own. */
        UnitHistory dailyHistoryAt(long t) {
            return dailyHistory.computeIfAbsent(t / DAY, d -> historyAt(d * DAY));
        }
    }
}
