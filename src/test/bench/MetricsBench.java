import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.huiyin.metrics.domain.Count;
import cn.huiyin.metrics.domain.Figure;
import cn.huiyin.metrics.domain.Rollup;

/**
 * Leaders' metrics benchmark driver, run by metrics-bench.sh (single-file source launch).
 *   gen APPEALS UNITS DAYS FILE   rollup rows (CSV for COPY) for APPEALS appeals spread evenly over UNITS × DAYS cells,
 *                                 built with the service's own Rollup class (counts + HdrHistograms of random minutes)
 *   query JDBC_URL RUNS           the dashboard's rollup reads (RollupRepository.read's SQL, decode and merge), median ms
 */
public class MetricsBench {

    static final LocalDate LAST = LocalDate.of(2026, 10, 31);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("gen")) {
            generate(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
        } else {
            query(args[1], Integer.parseInt(args[2]));
        }
    }

    static void generate(long appeals, int units, int days, String file) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long cells = (long) units * days;
        HexFormat hex = HexFormat.of();
        try (BufferedWriter out = new BufferedWriter(new FileWriter(file))) {
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
                    StringBuilder counts = new StringBuilder("{");
                    rollup.counts().forEach((c, n) -> counts.append(counts.length() > 1 ? "," : "").append("\"\"")
                            .append(c.name()).append("\"\":").append(n));
                    counts.append('}');
                    out.write(LAST.minusDays(d) + ",U" + u + ",ST-" + (u % 7) + ",CAT" + (u % 11) + ",\"" + counts + "\","
                            + rollup.custodyMinutes() + "," + rollup.custodyAppeals() + ",\\x"
                            + hex.formatHex(rollup.encodedResponse()) + ",\\x" + hex.formatHex(rollup.encodedHandling()) + "\n");
                }
            }
        }
    }

    /** The dashboard's reads: the same SQL as RollupRepository.read, then decode and merge as the service does. */
    static void query(String url, int runs) throws SQLException {
        try (Connection db = DriverManager.getConnection(url)) {
            Object[][] questions = {
                    { "district, last 30 days", LAST.minusDays(29), null },
                    { "district, last 365 days", LAST.minusDays(364), null },
                    { "one unit, last 365 days", LAST.minusDays(364), "U3" },
                    { "district, all history", LocalDate.of(2000, 1, 1), null } };
            for (int warm = 0; warm < 3; warm++) {
                for (Object[] q : questions) {
                    ask(db, q, 1);
                }
            }
            for (Object[] q : questions) {
                System.out.println(ask(db, q, runs));
            }
        }
    }

    /** Asks one question runs + 1 times (the first is not measured); returns "question, rows, median ms, rate". */
    static String ask(Connection db, Object[] q, int runs) throws SQLException {
        {
            {
                long[] nanos = new long[runs + 1];
                int rows = 0;
                Map<String, Double> rates = new HashMap<>();
                for (int r = 0; r <= runs; r++) {
                    long start = System.nanoTime();
                    rows = 0;
                    Rollup total = new Rollup();
                    Map<String, Rollup> byUnit = new HashMap<>();
                    try (PreparedStatement s = db.prepareStatement("""
                            SELECT day, unit_code, street_code, category, counts, custody_minutes, custody_appeals,
                                response_hist, handling_hist FROM metrics_daily
                            WHERE day BETWEEN ? AND ? AND (?::text IS NULL OR unit_code = ?)""")) {
                        s.setObject(1, q[1]);
                        s.setObject(2, LAST);
                        s.setString(3, (String) q[2]);
                        s.setString(4, (String) q[2]);
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                                Rollup cell = Rollup.stored(counts(rs.getString("counts")), rs.getLong("custody_minutes"),
                                        rs.getLong("custody_appeals"), rs.getBytes("response_hist"),
                                        rs.getBytes("handling_hist"));
                                total.merge(cell);
                                byUnit.computeIfAbsent(rs.getString("unit_code"), k -> new Rollup()).merge(cell);
                            }
                        }
                    }
                    total.handling().getValueAtPercentile(90);
                    byUnit.values().forEach(u -> u.handling().getValueAtPercentile(90));
                    for (Figure f : Figure.values()) {
                        rates.put(f.name(), f.of(total));
                    }
                    nanos[r] = System.nanoTime() - start;
                }
                long[] measured = Arrays.copyOfRange(nanos, 1, nanos.length);
                Arrays.sort(measured);
                return String.format("%s\t%d\t%.1f\t%.4f", q[0], rows, measured[measured.length / 2] / 1e6,
                        rates.get("RESPONSE_RATE"));
            }
        }
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
