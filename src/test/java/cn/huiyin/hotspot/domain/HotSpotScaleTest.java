package cn.huiyin.hotspot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * A month of 100 000 appeals (docs/hotspots.md, "Compute in a job, not on read"): how long the grouping takes, written
 * to target/hotspot-scale.md (a measurement, not asserted), and that at this size the planted problems are still
 * found — a problem of 1 500 appeals, whose own words have become frequent, included.
 */
class HotSpotScaleTest {

    @Test
    void a_month_of_100k_appeals_is_grouped_and_the_planted_problems_are_found() throws IOException {
        SyntheticMonth.Month month = SyntheticMonth.draw(100_000, 1_500, 7);
        HotSpotFinder finder = new HotSpotFinder(GroupingRules.defaults(HotSpotEvaluation.LOCAL), HotSpotRules.defaults());

        finder.find(month.appeals(), GeneratedAppeals.NOW); // once to warm up
        Runtime runtime = Runtime.getRuntime();
        long started = System.nanoTime();
        List<HotSpot> spots = finder.find(month.appeals(), GeneratedAppeals.NOW);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) / 1_000_000;

        Map<String, Integer> plantedSizes = new TreeMap<>();
        month.planted().values().forEach(p -> plantedSizes.merge(p, 1, Integer::sum));
        StringBuilder lines = new StringBuilder();
        long covered = 0;
        for (Map.Entry<String, Integer> problem : plantedSizes.entrySet()) {
            HotSpot mostOfIt = spots.stream().max((a, b) -> Long.compare(count(a, month, problem.getKey()),
                    count(b, month, problem.getKey()))).orElseThrow();
            long inIt = count(mostOfIt, month, problem.getKey());
            covered += inIt;
            lines.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", problem.getKey(), problem.getValue(), inIt,
                    mostOfIt.size()));
            // measured: 80 % to 100 % of each problem in one hot spot, of whose appeals at least 82 % are about it (the
            // others mostly the 1 500's, whose borrowed clause happens to be about the problem of this hot spot)
            assertThat(inIt).as(problem.getKey()).isGreaterThanOrEqualTo(Math.round(problem.getValue() * 0.75));
            assertThat(inIt).as(problem.getKey() + " purity").isGreaterThanOrEqualTo(Math.round(mostOfIt.size() * 0.8));
        }
        assertThat((double) covered / month.planted().size()).isGreaterThanOrEqualTo(0.83); // measured: 0.879
        String report = String.format(Locale.ROOT, "# Hot-spot grouping at scale%n%n%d appeals (%d planted in %d problems, "
                + "the largest %d): %d hot spots in %d ms (after a warm-up run), about %d MB of heap in use after it; %d "
                + "processors.%n%n| planted problem | appeals | in its main hot spot | that hot spot's size |%n"
                + "| --- | --- | --- | --- |%n%s", month.appeals().size(), month.planted().size(), plantedSizes.size(),
                plantedSizes.values().stream().max(Integer::compare).orElse(0), spots.size(), millis, usedMegabytes,
                runtime.availableProcessors(), lines);
        Path out = Path.of("target", "hotspot-scale.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static long count(HotSpot spot, SyntheticMonth.Month month, String problem) {
        return spot.appealIds().stream().filter(id -> problem.equals(month.planted().get(id))).count();
    }
}
