package cn.huiyin.metrics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.metrics")
public interface MetricsConfig {

    /** How often the projector folds new appeal events into facts and rollups ({@code off} disables it here). */
    @WithDefault("5s")
    String projectEvery();

    /** Events read per projector transaction. */
    @WithDefault("2000")
    int projectBatch();

    /**
     * How long a missing event id is waited for at least, on top of every transaction that could hold it having
     * ended (docs/decisions/0010).
     */
    @WithDefault("5s")
    Duration gapPatience();

    /** How often the operators' gauges (open appeals per state, overdue, intake per channel) are refreshed. */
    @WithDefault("30s")
    String gaugesEvery();

    /** The monthly ranking. */
    Ranking ranking();

    /** Demo mode only: months of made-up history so the dashboard is alive on a first run. */
    DemoHistory demoHistory();

    interface Ranking {
        @WithDefault("0.25")
        double responseRate();

        @WithDefault("0.25")
        double resolutionRate();

        @WithDefault("0.30")
        double satisfactionRate();

        @WithDefault("0.20")
        double onTimeCompletion();

        /**
         * 免督办率 (1 − appeals given a supervision order ÷ appeals received). Set to 0 to leave supervision out of
         * the score; the other weights then share its part.
         */
        @WithDefault("0.10")
        double unsupervisedRate();

        /** Units or streets with fewer appeals in the month are listed but not ranked. */
        @WithDefault("5")
        int minimumAppeals();
    }

    interface DemoHistory {
        /** Appeals of history seeded at a demo start (only when huiyin.demo.enabled and the table has none yet). */
        @WithDefault("1500")
        int appeals();

        @WithDefault("4")
        int months();
    }
}
