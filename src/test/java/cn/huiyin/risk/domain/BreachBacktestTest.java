package cn.huiyin.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.metrics.domain.DemoHistory;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.domain.ClockUnit;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.domain.WorkCalendar;

/**
 * The breach forecast against the naive rule ("late if the time left is below the unit's median handling time") and
 * against the former forecast (one pool of the unit's handling times), asked one and three working days before each
 * handling deadline, over the demo history and a generated year. The exponent and the threshold are chosen on half
 * the appeals (drawn by a hash) and scored on the other half only; so that one lucky or unlucky draw of halves does
 * not decide, this is done for {@value #SPLITS} draws of halves and the held-out counts are pooled. Writes
 * target/breach-backtest.md.
 *
 * <p>Fails when the forecast does not beat the naive rule on both pooled precision and pooled recall, except on the
 * demo history one day ahead: there the demo draws handling times independently of backlog and of appeal type, and
 * the naive rule already uses all there is (each unit's speed); the forecast ties it, and the test holds it to that.
 */
class BreachBacktestTest {

    static final int SPLITS = 20;
    /** On the demo one day ahead the forecast must stay within this of the naive rule's F1. */
    static final double TIE = 0.02;
    private static final double[] EXPONENTS = { 0, 0.5, 1, 1.5, 2 };
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> REPORT = new ArrayList<>();

    /** The choice made on a tuning half. */
    record Choice(int exponent, double threshold) {
    }

    /** A forecast's answers for every question and every exponent tried. */
    interface Reading {
        double missProbability(Backtest.Question q, double exponent);
    }

    /** One row: pooled held-out counts over the draws of halves, and how many draws it beat the naive rule in. */
    record Row(Backtest.Score naive, Backtest.Score former, Backtest.Score forecast, int beatenIn, double exponent,
            double threshold) {

        boolean beats() {
            return forecast.precision() > naive.precision() && forecast.recall() > naive.recall();
        }
    }

    @BeforeAll
    static void header() {
        REPORT.clear();
        REPORT.add("# Breach forecast backtest\n");
        REPORT.add("Held-out counts pooled over " + SPLITS + " draws of tuning/held-out halves.\n");
        REPORT.add("| history | asked ahead | questions | missed | naive P / R / F1 | former P / R / F1 "
                + "| forecast P / R / F1 | exponent | threshold | beats naive in | beats on both |");
        REPORT.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    }

    @Test
    void forecast_beats_the_naive_rule_over_a_generated_year() throws IOException {
        List<Backtest.Appeal> year = SimulatedYear.draw(2026, 12);
        for (Row row : judge("generated year (12 units)", year, SimulatedYear.WORKING_DAYS * Backtest.DAY)) {
            assertBeats("generated year", row);
        }
    }

    @Test
    void forecast_beats_the_naive_rule_three_days_ahead_and_ties_it_one_day_ahead_on_the_demo_history()
            throws IOException {
        WorkCalendar calendar = WorkCalendar.parseCsv(new InputStreamReader(
                BreachBacktestTest.class.getResourceAsStream("/reference/cn-work-calendar.csv"), StandardCharsets.UTF_8));
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        // the demo's generator and seed at the demo's density (1,500 appeals in 4 months), drawn over a year
        List<DemoHistory.Appeal> drawn = new DemoHistory(20260101L, planner(calculator), SHANGHAI)
                .draw(4500, examples(), List.of("ST-SHIPAI", "ST-LIEDE", "ST-TIANHE"), now, 12);
        Instant origin = LocalDate.parse("2025-11-01").atStartOfDay(SHANGHAI).toInstant();
        List<Backtest.Appeal> appeals = new ArrayList<>();
        for (DemoHistory.Appeal a : drawn) {
            Instant due = a.clocks().stream().filter(c -> c.clock() == ClockKind.HANDLE).findFirst().orElseThrow().dueAt();
            Instant replied = a.events().stream().filter(e -> e.event() instanceof AppealEvent.Replied)
                    .map(DemoHistory.Event::at).findFirst().orElse(null);
            appeals.add(new Backtest.Appeal(a.unit(), minutes(calculator, origin, a.dispatchedAt()),
                    replied == null ? Long.MAX_VALUE : minutes(calculator, origin, replied), minutes(calculator, origin, due)));
        }
        List<Row> rows = judge("demo history (4,500 appeals, 12 months)", appeals, minutes(calculator, origin, now));
        assertThat(rows.get(0).forecast().f1()).as("demo history, F1 1 day ahead, against the naive rule's")
                .isGreaterThan(rows.get(0).naive().f1() - TIE);
        assertBeats("demo history", rows.get(1));
    }

    private static void assertBeats(String name, Row row) {
        assertThat(row.forecast().precision()).as(name + ", precision, against the naive rule's")
                .isGreaterThan(row.naive().precision());
        assertThat(row.forecast().recall()).as(name + ", recall, against the naive rule's")
                .isGreaterThan(row.naive().recall());
    }

    @SuppressWarnings("deprecation")
    private static List<Row> judge(String name, List<Backtest.Appeal> appeals, long horizon) throws IOException {
        List<Backtest.Question> all = Backtest.questions(appeals, horizon, 1, 3);
        List<Row> rows = new ArrayList<>();
        for (int k : new int[] { 1, 3 }) {
            int ahead = k;
            List<Backtest.Question> asked = all.stream().filter(q -> q.daysAhead() == ahead).toList();
            double[][] forecast = read(asked, (q, x) -> new BreachForecast(x, 4)
                    .missProbability(q.unit(), q.city(), q.elapsed(), q.remaining(), q.allowed(), q.load()));
            double[][] former = read(asked, (q, x) -> new BreachForecast(x, 4)
                    .missProbability(q.pooled(), q.elapsed(), q.remaining(), q.load()));
            Row row = pool(asked, forecast, former);
            rows.add(row);
            REPORT.add(String.format(Locale.ROOT,
                    "| %s | %d working day%s | %d | %d | %s | %s | %s | %.1f | %.2f | %d of %d | %s |", name, k,
                    k == 1 ? "" : "s", asked.size(), asked.stream().filter(Backtest.Question::missed).count(),
                    prf(row.naive()), prf(row.former()), prf(row.forecast()), row.exponent(), row.threshold(),
                    row.beatenIn(), SPLITS, row.beats() ? "yes" : "no"));
            write();
        }
        return rows;
    }

    private static double[][] read(List<Backtest.Question> asked, Reading reading) {
        double[][] p = new double[EXPONENTS.length][asked.size()];
        for (int x = 0; x < EXPONENTS.length; x++) {
            for (int i = 0; i < asked.size(); i++) {
                p[x][i] = reading.missProbability(asked.get(i), EXPONENTS[x]);
            }
        }
        return p;
    }

    /** Every draw of halves: tune on one, score on the other; the held-out counts summed, the choices' medians kept. */
    private static Row pool(List<Backtest.Question> asked, double[][] forecast, double[][] former) {
        Backtest.Score naive = Backtest.Score.NONE;
        Backtest.Score formerScore = Backtest.Score.NONE;
        Backtest.Score forecastScore = Backtest.Score.NONE;
        int beatenIn = 0;
        double[] exponents = new double[SPLITS];
        double[] thresholds = new double[SPLITS];
        for (int split = 0; split < SPLITS; split++) {
            boolean[] tuning = new boolean[asked.size()];
            for (int i = 0; i < tuning.length; i++) {
                tuning[i] = tuning(asked.get(i), split);
            }
            Backtest.Score naiveHere = score(asked, tuning, false, i -> Backtest.naive(asked.get(i)));
            Choice choice = tune(asked, tuning, forecast);
            Choice formerChoice = tune(asked, tuning, former);
            Backtest.Score here = score(asked, tuning, false, i -> forecast[choice.exponent()][i] >= choice.threshold());
            naive = naive.plus(naiveHere);
            forecastScore = forecastScore.plus(here);
            formerScore = formerScore.plus(score(asked, tuning, false,
                    i -> former[formerChoice.exponent()][i] >= formerChoice.threshold()));
            if (here.precision() > naiveHere.precision() && here.recall() > naiveHere.recall()) {
                beatenIn++;
            }
            exponents[split] = EXPONENTS[choice.exponent()];
            thresholds[split] = choice.threshold();
        }
        return new Row(naive, formerScore, forecastScore, beatenIn, median(exponents), median(thresholds));
    }

    /** Half the appeals, drawn by a hash of the appeal and the draw, tune; the other half scores. Draw 0 is the original. */
    private static boolean tuning(Backtest.Question q, int split) {
        return (((q.appeal() + split * 0x632BE59BD9B4E019L) * 0x9E3779B97F4A7C15L) >>> 63) == 0;
    }

    /**
     * The exponent and threshold chosen on the tuning half: the widest lead over the naive rule there on the worse of
     * precision and recall (the acceptance asks for both).
     */
    private static Choice tune(List<Backtest.Question> asked, boolean[] tuning, double[][] p) {
        Backtest.Score naive = score(asked, tuning, true, i -> Backtest.naive(asked.get(i)));
        Choice best = null;
        double bestLead = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < EXPONENTS.length; x++) {
            double[] px = p[x];
            for (int percent = 5; percent <= 95; percent++) {
                double threshold = percent / 100.0;
                Backtest.Score model = score(asked, tuning, true, i -> px[i] >= threshold);
                double lead = Math.min(model.precision() - naive.precision(), model.recall() - naive.recall());
                if (lead > bestLead) {
                    bestLead = lead;
                    best = new Choice(x, threshold);
                }
            }
        }
        return best;
    }

    private static Backtest.Score score(List<Backtest.Question> asked, boolean[] tuning, boolean half,
            IntPredicate saysMiss) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < tuning.length; i++) {
            if (tuning[i] != half) {
                continue;
            }
            boolean said = saysMiss.test(i);
            boolean missed = asked.get(i).missed();
            if (said && missed) {
                tp++;
            } else if (said) {
                fp++;
            } else if (missed) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Backtest.Score(tp, fp, fn, tn);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String prf(Backtest.Score s) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", s.precision(), s.recall(), s.f1());
    }

    private static void write() throws IOException {
        Path target = Path.of("target", "breach-backtest.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, String.join("\n", REPORT) + "\n");
    }

    private static long minutes(DeadlineCalculator calculator, Instant origin, Instant at) {
        return calculator.workingTimeBetween(origin, at).toMinutes();
    }

    private static SlaPlanner planner(DeadlineCalculator calculator) {
        LocalDate from = LocalDate.parse("2025-01-01");
        List<ClockRule> rules = new ArrayList<>();
        rules.add(new ClockRule(1, ClockKind.RESPOND, null, null, null, 1, ClockUnit.WORKING_HOURS, "响应", from));
        String[] types = { "CONSULT", "HELP", "SUGGEST", "COMPLAINT", "REPORT" };
        int[] days = { 2, 10, 10, 15, 15 };
        for (int i = 0; i < types.length; i++) {
            rules.add(new ClockRule(2 + i, ClockKind.HANDLE, types[i], null, null, days[i], ClockUnit.WORKING_DAYS, "办结", from));
        }
        return new SlaPlanner(new ClockRules(rules), calculator);
    }

    private static List<DemoHistory.Example> examples() {
        return List.of(new DemoHistory.Example("数电发票开具失败，请协助。", "TAX_SERVICE", "TAX"),
                new DemoHistory.Example("营业执照变更登记进度咨询。", "BIZ_REG", "SAMR"),
                new DemoHistory.Example("社保缴费基数核定有误。", "SOCIAL_SECURITY", "HRSS"),
                new DemoHistory.Example("项目备案审批时间过长。", "INVESTMENT", "DRC"),
                new DemoHistory.Example("施工许可办理咨询。", "CONSTRUCTION", "HOUSING"),
                new DemoHistory.Example("门前道路破损影响通行。", "ROAD", "STREET"));
    }
}
