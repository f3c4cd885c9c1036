package cn.huiyin.sla;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.sla")
public interface SlaConfig {

    /** How often the sweeper looks for due escalation timers ({@code off} disables it on this replica). */
    @WithDefault("1s")
    String sweepEvery();

    /** Timers claimed per sweeper transaction. */
    @WithDefault("500")
    int sweepBatch();

    /** Batches one sweep may run before yielding to the next tick; bounds a sweep after an outage. */
    @WithDefault("40")
    int sweepMaxBatches();

    /**
     * Batches a replica fires side by side, each in its own transaction (claims skip what another holds), so that
     * one batch's round trips overlap another's work.
     */
    @WithDefault("2")
    int sweepInFlight();

    /** Office periods of a working day, in the district's time zone, e.g. {@code 09:00-12:00,14:00-18:00}. */
    @WithDefault("09:00-12:00,14:00-18:00")
    List<String> officeHours();

    /** The district's time zone. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /** Most working days one approved extension may add (延期), and only one extension per clock. */
    @WithDefault("10")
    int maxExtensionDays();

    /**
     * How often a replica asks the database whether the clock rules or the work calendar changed (on any replica)
     * before it next uses them: a new rule version is in force everywhere within this time. One small statement per
     * replica and period, and only when the rules are in use.
     */
    @WithDefault("2s")
    Duration changeCheckEvery();
}
