import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.Rollup;
import cn.huiyin.metrics.domain.RollupSpan;

/**
 * Leaders' metrics benchmark driver, run by metrics-bench.sh (single-file source launch).
 *   gen APPEALS UNITS DAYS DAILY MONTHLY  rollup rows (CSV for COPY) for APPEALS appeals spread evenly over UNITS × DAYS
 *                                   cells, built with the service's own Rollup class (counts + HdrHistograms of random
 *                                   minutes); the monthly rows are each month's days merged, as the projector keeps them
 *   query JDBC_URL RUNS             each question the daily way (before: every day's row, one read per figure) and the
 *                                   monthly way (RollupRepository.read's SQL and RollupSpan: whole months + partial days,
 *                                   one read per page); prints rows, p50 and p95 ms of both and the answers' check
 */
public class MetricsBench {

    static final LocalDate LAST = LocalDate.of(2026, 10, 31);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("gen")) {
            generate(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
        } else {
            query(args[1], Integer.parseInt(args[2]));
        }
    }

    static void generate(long appeals, int units, int days, String dailyFile, String monthlyFile) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long cells = (long) units * days;
        Map<String, Rollup> months = new LinkedHashMap<>();
        try (BufferedWriter out = new BufferedWriter(new FileWriter(dailyFile))) {
            long cell = 0;
            for (int d = 0; d < days; d++) {
                for (int u = 0; u < units; u++, cell++) {
                    long here = appeals / cells + (cell < appeals % cells ? 1 : 0);
                    if (here == 0) {
                        continue;
                    }
                    Rollup rollup = new Rollup();
                    for (long i = 0; i < here; i++) {
                        int bits = Count.RECEIVED.bit() | Count.DISPATCHED.bit() | Count.RESPOND_DUE.bit()
                                | Count.HANDLE_DUE.bit() | Count.REPLIED.bit() | Count.RATED.bit();
                        bits |= random.nextInt(100) < 85 ? Count.RESPOND_ON_TIME.bit() : Count.RESPOND_LATE.bit();
                        bits |= random.nextInt(100) < 90 ? Count.HANDLE_ON_TIME.bit() : 0;
                        bits |= random.nextInt(100) < 80 ? Count.RESOLVED.bit() : 0;
                        bits |= random.nextInt(100) < 92 ? Count.SATISFIED.bit() : 0;
                        long response = (long) Math.exp(3 + random.nextDouble() * 2.5);
                        long handling = (long) Math.exp(5 + random.nextDouble() * 4);
                        rollup.add(bits, handling, response, handling);
                    }
                    LocalDate day = LAST.minusDays(d);
                    write(out, day, u, rollup);
                    months.computeIfAbsent(day.withDayOfMonth(1) + "," + u, k -> new Rollup()).merge(rollup);
                }
            }
        }
        try (BufferedWriter out = new BufferedWriter(new FileWriter(monthlyFile))) {
            for (Map.Entry<String, Rollup> m : months.entrySet()) {
                String[] key = m.getKey().split(",");
                write(out, LocalDate.parse(key[0]), Integer.parseInt(key[1]), m.getValue());
            }
        }
    }

    /** One row: unit U<u>, street ST-<u mod 7>, category CAT<u mod 11>. */
    static void write(BufferedWriter out, LocalDate period, int u, Rollup rollup) throws IOException {
        HexFormat hex = HexFormat.of();
        StringBuilder counts = new StringBuilder("{");
        rollup.counts().forEach((c, n) -> counts.append(counts.length() > 1 ? "," : "").append("\"\"")
                .append(c.name()).append("\"\":").append(n));
        counts.append('}');
        out.write(period + ",U" + u + ",ST-" + (u % 7) + ",CAT" + (u % 11) + ",\"" + counts + "\","
                + rollup.custodyMinutes() + "," + rollup.custodyAppeals() + ",\\x"
                + hex.formatHex(rollup.encodedResponse()) + ",\\x" + hex.formatHex(rollup.encodedHandling()) + "\n");
    }

    /** A question: its name, period, unit or street (null: any), and whether it is the dashboard page's three figures. */
    record Question(String name, LocalDate from, LocalDate to, String unit, String street, boolean page) {
    }

    /** What one way of answering found: rows read, the merged total, the trend and the slowest units' p90s. */
    record Answer(int rows, Rollup total, Map<String, Rollup> trend, Map<String, Long> p90ByUnit) {

        String check() {
            StringBuilder s = new StringBuilder();
            s.append(total.counts()).append(total.custodyMinutes()).append('/').append(total.custodyAppeals());
            for (int p : new int[] { 50, 90, 99 }) {
                s.append(' ').append(total.response().getValueAtPercentile(p)).append(' ')
                        .append(total.handling().getValueAtPercentile(p));
            }
            trend.forEach((period, r) -> s.append(' ').append(period).append(r.counts()));
            return s.append(p90ByUnit).toString();
        }
    }

    static void query(String url, int runs) throws SQLException {
        LocalDate yearAgo = LAST.minusDays(364);
        List<Question> questions = List.of(
                new Question("district, last 30 days", LAST.minusDays(29), LAST, null, null, false),
                new Question("district, last 365 days", yearAgo, LAST, null, null, false),
                new Question("district, a year from mid-month", LocalDate.of(2025, 10, 15), LocalDate.of(2026, 10, 14),
                        null, null, false),
                new Question("one unit, last 365 days", yearAgo, LAST, "U3", null, false),
                new Question("one street, last 365 days", yearAgo, LAST, null, "ST-3", false),
                new Question("district, all history", LocalDate.of(2000, 1, 1), LAST, null, null, false),
                new Question("dashboard page, district 30 days", LAST.minusDays(29), LAST, null, null, true),
                new Question("dashboard page, district 365 days", yearAgo, LAST, null, null, true),
                new Question("dashboard page, district all history", LocalDate.of(2000, 1, 1), LAST, null, null, true));
        try (Connection db = DriverManager.getConnection(url)) {
            for (int warm = 0; warm < 3; warm++) {
                for (Question q : questions) {
                    before(db, q);
                    after(db, q);
                }
            }
            for (Question q : questions) {
                long[] daily = new long[runs];
                long[] monthly = new long[runs];
                Answer a = null;
                Answer b = null;
                // alternate the two ways so that load from elsewhere falls on both alike
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    a = before(db, q);
                    daily[r] = System.nanoTime() - start;
                    start = System.nanoTime();
                    b = after(db, q);
                    monthly[r] = System.nanoTime() - start;
                }
                String same = a.check().equals(b.check()) ? "same" : "DIFFERENT";
                System.out.printf("%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s%n", q.name(), a.rows(), b.rows(),
                        pct(daily, 50), pct(daily, 95), pct(monthly, 50), pct(monthly, 95), same);
                if (same.equals("DIFFERENT")) {
                    System.err.println("answers differ for " + q.name() + ":\n daily   " + a.check() + "\n monthly " + b.check());
                }
            }
            rerollMonth(db, runs);
        }
    }

    static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static boolean monthlyTrend(Question q) {
        return q.from().plusMonths(3).isBefore(q.to());
    }

    /**
     * Before: the daily rows of the whole period, each copied into a fresh Rollup as the service did; the page read
     * them three times (summary, trend, slowest units).
     */
    static Answer before(Connection db, Question q) throws SQLException {
        Answer answer = null;
        for (int read = 0; read < (q.page() ? 3 : 1); read++) {
            Map<String, Rollup> cells = new HashMap<>();
            int rows = 0;
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT day, unit_code, street_code, category, counts, custody_minutes, custody_appeals, response_hist,
                        handling_hist
                    FROM metrics_daily
                    WHERE day BETWEEN ? AND ? AND (?::text IS NULL OR unit_code = ?) AND (?::text IS NULL OR street_code = ?)""")) {
                s.setObject(1, q.from());
                s.setObject(2, q.to());
                s.setString(3, q.unit());
                s.setString(4, q.unit());
                s.setString(5, q.street());
                s.setString(6, q.street());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        cells.put(rs.getString("day") + "|" + rs.getString("unit_code"), new Rollup().merge(Rollup.stored(
                                counts(rs.getString("counts")), rs.getLong("custody_minutes"), rs.getLong("custody_appeals"),
                                rs.getBytes("response_hist"), rs.getBytes("handling_hist"))));
                    }
                }
            }
            boolean monthly = monthlyTrend(q);
            answer = new Answer(rows, total(cells), group(cells, k -> monthly ? k.substring(0, 7) : k.substring(0, 10)),
                    p90ByUnit(cells));
        }
        return answer;
    }

    /** After: RollupRepository.read's statement (whole months + partial days, daily counts for a daily trend), once. */
    static Answer after(Connection db, Question q) throws SQLException {
        RollupSpan span = RollupSpan.of(q.from(), q.to());
        boolean monthly = monthlyTrend(q);
        boolean dailyCounts = q.page() && !monthly;
        boolean whole = !span.hasMonths();
        Map<String, Rollup> cells = new HashMap<>();
        Map<String, Rollup> days = new TreeMap<>();
        int rows = 0;
        // RollupRepository.read's parameters: $1–$2 the days read (the whole period when it is read day by day or its
        // daily counts are wanted), $3–$4 the days after the whole months, $5–$6 the whole months, $7 unit, $8 street
        Object[] p = { null, whole || dailyCounts ? q.from() : span.headFrom(),
                whole || dailyCounts ? q.to() : span.headTo(), whole || dailyCounts ? null : span.tailFrom(),
                whole || dailyCounts ? null : span.tailTo(), span.firstMonth(), span.monthsEnd(), q.unit(), q.street() };
        String cellFilter = " AND (?7::text IS NULL OR unit_code = ?7) AND (?8::text IS NULL OR street_code = ?8)\n";
        String sql = """
                SELECT false AS monthly, day, unit_code, street_code, category, counts, custody_minutes, custody_appeals,
                    CASE WHEN day BETWEEN ?5 AND ?6 THEN NULL ELSE response_hist END AS response_hist,
                    CASE WHEN day BETWEEN ?5 AND ?6 THEN NULL ELSE handling_hist END AS handling_hist
                FROM metrics_daily
                WHERE day BETWEEN ?1 AND ?2""" + cellFilter + """
                UNION ALL
                SELECT false, day, unit_code, street_code, category, counts, custody_minutes, custody_appeals,
                    response_hist, handling_hist
                FROM metrics_daily
                WHERE day BETWEEN ?3 AND ?4""" + cellFilter + """
                UNION ALL
                SELECT true, month, unit_code, street_code, category, counts, custody_minutes, custody_appeals,
                    response_hist, handling_hist
                FROM metrics_monthly
                WHERE month BETWEEN ?5 AND ?6""" + cellFilter;
        try (PreparedStatement s = db.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
            // JDBC has no numbered parameters: bind them in the order they appear
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
            for (int i = 1; m.find(); i++) {
                int n = Integer.parseInt(m.group(1));
                if (n >= 7) {
                    s.setString(i, (String) p[n]);
                } else {
                    s.setObject(i, p[n], java.sql.Types.DATE);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String key = rs.getString("day") + "|" + rs.getString("unit_code");
                    Map<Count, Long> counts = counts(rs.getString("counts"));
                    byte[] response = rs.getBytes("response_hist");
                    if (response == null) {
                        days.computeIfAbsent(key.substring(0, 10), d -> new Rollup()).merge(
                                Rollup.countsOnly(counts, rs.getLong("custody_minutes"), rs.getLong("custody_appeals")));
                        continue;
                    }
                    Rollup rollup = Rollup.stored(counts, rs.getLong("custody_minutes"), rs.getLong("custody_appeals"),
                            response, rs.getBytes("handling_hist"));
                    cells.put(key, rollup);
                    if (dailyCounts && !rs.getBoolean("monthly")) {
                        days.computeIfAbsent(key.substring(0, 10), d -> new Rollup()).merge(
                                Rollup.countsOnly(counts, rollup.custodyMinutes(), rollup.custodyAppeals()));
                    }
                }
            }
        }
        Map<String, Rollup> trend = monthly ? group(cells, k -> k.substring(0, 7))
                : dailyCounts ? days : group(cells, k -> k.substring(0, 10));
        return new Answer(rows, total(cells), trend, p90ByUnit(cells));
    }

    /** The projector's extra work per touched cell: one unit's month re-merged from its days and encoded. */
    static void rerollMonth(Connection db, int runs) throws SQLException {
        long[] nanos = new long[runs];
        int rows = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            rows = 0;
            Rollup month = new Rollup();
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT counts, custody_minutes, custody_appeals, response_hist, handling_hist FROM metrics_daily
                    WHERE day >= ? AND day < ? AND unit_code = 'U3' AND street_code = 'ST-3' AND category = 'CAT3'""")) {
                s.setObject(1, LAST.withDayOfMonth(1));
                s.setObject(2, LAST.withDayOfMonth(1).plusMonths(1));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        month.merge(Rollup.stored(counts(rs.getString("counts")), rs.getLong("custody_minutes"),
                                rs.getLong("custody_appeals"), rs.getBytes("response_hist"), rs.getBytes("handling_hist")));
                    }
                }
            }
            month.encodedResponse();
            month.encodedHandling();
            nanos[r] = System.nanoTime() - start;
        }
        System.out.printf("projector: one month cell re-merged from its days\t%d\t1\t-\t-\t%.1f\t%.1f\t-%n", rows,
                pct(nanos, 50), pct(nanos, 95));
    }

    static Rollup total(Map<String, Rollup> cells) {
        Rollup total = new Rollup();
        cells.values().forEach(total::merge);
        return total;
    }

    static Map<String, Rollup> group(Map<String, Rollup> cells, java.util.function.Function<String, String> key) {
        Map<String, Rollup> groups = new TreeMap<>();
        cells.forEach((k, r) -> groups.computeIfAbsent(key.apply(k), g -> new Rollup()).merge(r));
        return groups;
    }

    static Map<String, Long> p90ByUnit(Map<String, Rollup> cells) {
        Map<String, Long> p90 = new TreeMap<>();
        group(cells, k -> k.substring(11)).forEach((unit, r) -> p90.put(unit, r.handling().getValueAtPercentile(90)));
        return p90;
    }

    static Map<Count, Long> counts(String json) {
        Map<Count, Long> counts = new EnumMap<>(Count.class);
        for (String pair : json.replaceAll("[{}\"]", "").split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split(":");
                counts.put(Count.valueOf(kv[0]), Long.parseLong(kv[1]));
            }
        }
        return counts;
    }
}
