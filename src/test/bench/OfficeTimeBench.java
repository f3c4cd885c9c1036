import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.WorkCalendar;

/**
 * Office time between two instants, as the risk job, the metrics projection and the work-queue rows ask for it: CALLS
 * spans of up to 30 days (seeded, so every build gets the same ones) over 2026–2027 on the shipped calendar, timed
 * ROUNDS times in one JVM. Prints "median-ms checksum": the median of the rounds after the first two, and a checksum
 * of every answer (in seconds), so that two builds can be compared for speed and checked for the same answers.
 * Run by office-time-bench.sh with a build's classes on the class path.
 */
public class OfficeTimeBench {

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args.length > 0 ? args[0] : "300000");
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "7");
        WorkCalendar calendar;
        try (Reader csv = new InputStreamReader(Objects.requireNonNull(
                OfficeTimeBench.class.getClassLoader().getResourceAsStream(WorkCalendar.REFERENCE_RESOURCE),
                WorkCalendar.REFERENCE_RESOURCE), StandardCharsets.UTF_8)) {
            calendar = WorkCalendar.parseCsv(csv);
        }
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        Random random = new Random(20261208);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] from = new Instant[calls];
        Instant[] to = new Instant[calls];
        for (int i = 0; i < calls; i++) {
            from[i] = base.plusSeconds(random.nextInt(640 * 86_400));
            to[i] = from[i].plusSeconds(random.nextInt(30 * 86_400));
        }
        double[] millis = new double[rounds];
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            long sum = 0;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sum = sum * 31 + calculator.workingTimeBetween(from[i], to[i]).getSeconds();
            }
            millis[round] = (System.nanoTime() - start) / 1e6;
            checksum = sum;
        }
        double[] measured = Arrays.copyOfRange(millis, Math.min(2, rounds - 1), rounds);
        Arrays.sort(measured);
        System.out.printf("%.1f %d%n", measured[measured.length / 2], checksum);
    }
}
