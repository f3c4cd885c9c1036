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

import org.HdrHistogram.Histogram;

import cn.huiyin.metrics.domain.CellKey;
import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.CoveringCells;
import cn.huiyin.metrics.domain.Rollup;
import cn.huiyin.metrics.domain.RollupSpan;
import cn.huiyin.metrics.persistence.CoveringRead;

/**
 * Leaders' metrics benchmark driver, run by metrics-bench.sh (single-file source launch).
 *   gen APPEALS UNITS DAYS DAILY MONTHLY  rollup rows (CSV for COPY) for APPEALS appeals spread evenly over UNITS × DAYS
 *                                   cells, built with the service's own Rollup class (counts + HdrHistograms of random
 *                                   minutes); the monthly rows are each month's days merged, as the projector keeps them
 *   query JDBC_URL RUNS             each question before (as of V21: whole months + partial days, HdrHistogram's own
 *                                   decoding) and after (the service's CoveringRead statement folded by CoveringCells:
 *                                   months less the days they miss, histograms decoded straight into their buckets),
 *                                   one read per page; prints rows, p50 and p95 ms of both, and whether both answers
 *                                   equal the daily rows' alone
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

    /** What one way of answering found: rows read, and its figures as text (counts, percentiles, trend, p90s). */
    record Answer(int rows, String check) {
    }

    /** The figures as text: total counts and custody, response and handling p50/p90/p99, trend counts, p90 per unit. */
    static String check(Map<Count, Long> counts, long custodyMinutes, long custodyAppeals, Histogram response,
            Histogram handling, Map<String, Map<Count, Long>> trend, Map<String, Long> p90ByUnit) {
        StringBuilder s = new StringBuilder();
        s.append(counts).append(custodyMinutes).append('/').append(custodyAppeals);
        for (int p : new int[] { 50, 90, 99 }) {
            s.append(' ').append(response.getValueAtPercentile(p)).append(' ').append(handling.getValueAtPercentile(p));
        }
        trend.forEach((period, c) -> s.append(' ').append(period).append(c));
        return s.append(p90ByUnit).toString();
    }

    static void query(String url, int runs) throws SQLException {
        LocalDate yearAgo = LAST.minusDays(364);
        List<Question> questions = List.of(
                new Question("district, last 30 days", LAST.minusDays(29), LAST, null, null, false),
                new Question("district, 30 days to mid-month", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 14),
                        null, null, false),
                new Question("district, last 365 days", yearAgo, LAST, null, null, false),
                new Question("district, a year from mid-month", LocalDate.of(2025, 10, 15), LocalDate.of(2026, 10, 14),
                        null, null, false),
                new Question("one unit, last 365 days", yearAgo, LAST, "U3", null, false),
                new Question("one street, last 365 days", yearAgo, LAST, null, "ST-3", false),
                new Question("one street, 30 days to mid-month", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 14),
                        null, "ST-3", false),
                new Question("district, all history", LocalDate.of(2000, 1, 1), LAST, null, null, false),
                new Question("dashboard page, district 30 days", LAST.minusDays(29), LAST, null, null, true),
                new Question("dashboard page, district 30 days to mid-month", LocalDate.of(2026, 9, 15),
                        LocalDate.of(2026, 10, 14), null, null, true),
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
                long[] previous = new long[runs];
                long[] now = new long[runs];
                Answer a = null;
                Answer b = null;
                // alternate the two ways so that load from elsewhere falls on both alike
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    a = before(db, q);
                    previous[r] = System.nanoTime() - start;
                    start = System.nanoTime();
                    b = after(db, q);
                    now[r] = System.nanoTime() - start;
                }
                // both checked against the daily rows alone, which need no month row
                Answer reference = daily(db, q);
                boolean same = a.check().equals(reference.check()) && b.check().equals(reference.check());
                System.out.printf("%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s%n", q.name(), a.rows(), b.rows(),
                        pct(previous, 50), pct(previous, 95), pct(now, 50), pct(now, 95), same ? "same" : "DIFFERENT");
                if (!same) {
                    System.err.println("answers differ for " + q.name() + ":\n daily    " + reference.check()
                            + "\n before   " + a.check() + "\n after    " + b.check());
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

    /** The reference: every daily row of the period, nothing from the monthly rows. */
    static Answer daily(Connection db, Question q) throws SQLException {
        Map<String, Rollup> cells = new HashMap<>();
        int rows = 0;
        try (PreparedStatement s = db.prepareStatement("""
                SELECT day, unit_code, counts, custody_minutes, custody_appeals, response_hist, handling_hist
                FROM metrics_daily
                WHERE day BETWEEN ? AND ? AND (?::text IS NULL OR unit_code = ?) AND (?::text IS NULL OR street_code = ?)""")) {
            bindPeriod(s, q);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    cells.put(rs.getString("day") + "|" + rs.getString("unit_code"), Rollup.stored(
                            counts(rs.getString("counts")), rs.getLong("custody_minutes"), rs.getLong("custody_appeals"),
                            rs.getBytes("response_hist"), rs.getBytes("handling_hist")));
                }
            }
        }
        boolean monthly = monthlyTrend(q);
        return answer(rows, cells, monthly ? group(cells, k -> k.substring(0, 7))
                : q.page() ? group(cells, k -> k.substring(0, 10)) : Map.of());
    }

    static void bindPeriod(PreparedStatement s, Question q) throws SQLException {
        s.setObject(1, q.from());
        s.setObject(2, q.to());
        s.setString(3, q.unit());
        s.setString(4, q.unit());
        s.setString(5, q.street());
        s.setString(6, q.street());
    }

    /** Before (as of V21): whole months + partial days, each histogram decoded by HdrHistogram and merged. */
    static Answer before(Connection db, Question q) throws SQLException {
        RollupSpan span = RollupSpan.of(q.from(), q.to());
        LocalDate firstMonth = span.firstMonth();
        LocalDate lastMonth = span.lastMonth();
        if (span.cutBeforeFrom() != null) {
            firstMonth = firstMonth.plusMonths(1);
        }
        if (span.cutAfterFrom() != null) {
            lastMonth = lastMonth.minusMonths(1);
        }
        boolean whole = firstMonth == null || firstMonth.isAfter(lastMonth);
        boolean monthly = monthlyTrend(q);
        boolean dailyCounts = q.page() && !monthly;
        LocalDate monthsEnd = whole ? null : lastMonth.plusMonths(1).minusDays(1);
        LocalDate headTo = whole ? null : firstMonth.minusDays(1);
        LocalDate tailFrom = whole ? null : monthsEnd.plusDays(1);
        Object[] p = { null, whole || dailyCounts ? q.from() : q.from().isAfter(headTo) ? null : q.from(),
                whole || dailyCounts ? q.to() : q.from().isAfter(headTo) ? null : headTo,
                whole || dailyCounts || q.to().isBefore(tailFrom) ? null : tailFrom,
                whole || dailyCounts || q.to().isBefore(tailFrom) ? null : q.to(), whole ? null : firstMonth,
                monthsEnd, q.unit(), q.street() };
        String cellFilter = " AND ($7::text IS NULL OR unit_code = $7) AND ($8::text IS NULL OR street_code = $8)\n";
        String sql = """
                SELECT false AS monthly, day, unit_code, counts, custody_minutes, custody_appeals,
                    CASE WHEN day BETWEEN $5 AND $6 THEN NULL ELSE response_hist END AS response_hist,
                    CASE WHEN day BETWEEN $5 AND $6 THEN NULL ELSE handling_hist END AS handling_hist
                FROM metrics_daily
                WHERE day BETWEEN $1 AND $2""" + cellFilter + """
                UNION ALL
                SELECT false, day, unit_code, counts, custody_minutes, custody_appeals, response_hist, handling_hist
                FROM metrics_daily
                WHERE day BETWEEN $3 AND $4""" + cellFilter + """
                UNION ALL
                SELECT true, month, unit_code, counts, custody_minutes, custody_appeals, response_hist, handling_hist
                FROM metrics_monthly
                WHERE month BETWEEN $5 AND $6""" + cellFilter;
        Map<String, Hdr> cells = new HashMap<>();
        Map<String, Hdr> days = new TreeMap<>();
        int rows = 0;
        try (PreparedStatement s = prepare(db, sql, p)) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String key = rs.getString("day") + "|" + rs.getString("unit_code");
                    Map<Count, Long> counts = counts(rs.getString("counts"));
                    byte[] response = rs.getBytes("response_hist");
                    Hdr row = new Hdr(counts, rs.getLong("custody_minutes"), rs.getLong("custody_appeals"),
                            response == null ? null : Hdr.decode(response),
                            response == null ? null : Hdr.decode(rs.getBytes("handling_hist")));
                    if (response != null) {
                        cells.put(key, row);
                    }
                    if (response == null || dailyCounts && !rs.getBoolean("monthly")) {
                        days.computeIfAbsent(key.substring(0, 10), d -> new Hdr()).mergeCounts(row);
                    }
                }
            }
        }
        Map<String, Hdr> trend = monthly ? Hdr.group(cells, k -> k.substring(0, 7)) : dailyCounts ? days : Map.of();
        Hdr total = new Hdr();
        cells.values().forEach(total::merge);
        Map<String, Map<Count, Long>> trendCounts = new TreeMap<>();
        trend.forEach((period, h) -> trendCounts.put(period, h.counts));
        Map<String, Long> p90 = new TreeMap<>();
        Hdr.group(cells, k -> k.substring(11)).forEach((unit, h) -> p90.put(unit, h.handling.getValueAtPercentile(90)));
        return new Answer(rows, check(total.counts, total.custodyMinutes, total.custodyAppeals, total.response,
                total.handling, trendCounts, p90));
    }

    /** A statement with PostgreSQL's numbered parameters ($n), bound in the order they appear (JDBC has only ?). */
    static PreparedStatement prepare(Connection db, String sql, Object[] parameters) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql.replaceAll("\\$\\d+", "?"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(\\d+)").matcher(sql);
        for (int i = 1; m.find(); i++) {
            Object value = parameters[Integer.parseInt(m.group(1))];
            if (value instanceof LocalDate || value == null && !m.group(1).matches("[789]")) {
                s.setObject(i, value, java.sql.Types.DATE);
            } else {
                s.setString(i, (String) value);
            }
        }
        return s;
    }

    /** The rollups as the service kept them before: HdrHistogram's own decoding, merged by HdrHistogram. */
    static final class Hdr {
        final Map<Count, Long> counts = new EnumMap<>(Count.class);
        long custodyMinutes;
        long custodyAppeals;
        final Histogram response;
        final Histogram handling;

        Hdr() {
            this(Map.of(), 0, 0, new Histogram(2), new Histogram(2));
        }

        Hdr(Map<Count, Long> counts, long custodyMinutes, long custodyAppeals, Histogram response, Histogram handling) {
            this.counts.putAll(counts);
            this.custodyMinutes = custodyMinutes;
            this.custodyAppeals = custodyAppeals;
            this.response = response;
            this.handling = handling;
        }

        static Histogram decode(byte[] bytes) {
            try {
                Histogram h = Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(bytes), 0);
                h.setAutoResize(true);
                return h;
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalArgumentException(e);
            }
        }

        void mergeCounts(Hdr other) {
            other.counts.forEach((c, n) -> counts.merge(c, n, Long::sum));
            custodyMinutes += other.custodyMinutes;
            custodyAppeals += other.custodyAppeals;
        }

        void merge(Hdr other) {
            mergeCounts(other);
            response.add(other.response);
            handling.add(other.handling);
        }

        static Map<String, Hdr> group(Map<String, Hdr> cells, java.util.function.Function<String, String> key) {
            Map<String, Hdr> groups = new TreeMap<>();
            cells.forEach((k, h) -> groups.computeIfAbsent(key.apply(k), g -> new Hdr()).merge(h));
            return groups;
        }
    }

    /** After: RollupRepository.read's statement (CoveringRead) folded by CoveringCells, once per page. */
    static Answer after(Connection db, Question q) throws SQLException {
        RollupSpan span = RollupSpan.of(q.from(), q.to(), LAST);
        boolean monthly = monthlyTrend(q);
        boolean dailyCounts = q.page() && !monthly;
        List<Object> parameters = CoveringRead.parameters(span, q.from(), q.to(), dailyCounts, q.unit(), q.street(), null);
        Object[] p = new Object[parameters.size() + 1];
        for (int i = 0; i < parameters.size(); i++) {
            p[i + 1] = parameters.get(i);
        }
        CoveringCells covering = new CoveringCells(dailyCounts);
        try (PreparedStatement s = prepare(db, CoveringRead.SQL, p); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                CellKey cell = new CellKey(rs.getObject("day", LocalDate.class), rs.getString("unit_code"),
                        rs.getString("street_code"), rs.getString("category"));
                covering.add(CoveringCells.Part.valueOf(rs.getString("part")), cell, counts(rs.getString("counts")),
                        rs.getLong("custody_minutes"), rs.getLong("custody_appeals"), rs.getBytes("response_hist"),
                        rs.getBytes("handling_hist"));
            }
        }
        Map<String, Rollup> cells = new HashMap<>();
        covering.cells().forEach((cell, rollup) -> cells.put(cell.day() + "|" + cell.unit(), rollup));
        Map<String, Rollup> days = new TreeMap<>();
        covering.days().forEach((day, rollup) -> days.put(day.toString(), rollup));
        Map<String, Rollup> trend = monthly ? group(cells, k -> k.substring(0, 7)) : dailyCounts ? days : Map.of();
        return answer(covering.rows(), cells, trend);
    }

    static Answer answer(int rows, Map<String, Rollup> cells, Map<String, Rollup> trend) {
        Rollup total = total(cells);
        Map<String, Map<Count, Long>> trendCounts = new TreeMap<>();
        trend.forEach((period, r) -> trendCounts.put(period, r.counts()));
        return new Answer(rows, check(total.counts(), total.custodyMinutes(), total.custodyAppeals(), total.response(),
                total.handling(), trendCounts, p90ByUnit(cells)));
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
