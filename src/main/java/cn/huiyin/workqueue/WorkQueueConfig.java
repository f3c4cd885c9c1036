package cn.huiyin.workqueue;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.workqueue")
public interface WorkQueueConfig {

    /**
     * How long an assignment or a claim holds an appeal that has not been signed for (签收). When it lapses
     * the appeal returns to the unit's pool, where any on-duty commissioner can take it.
     */
    @WithDefault("PT2H")
    Duration claimLease();

    /** How often lapsed claims are returned to the pool ({@code off} disables it on this replica). */
    @WithDefault("30s")
    String claimSweepEvery();

    /** The dispatch centre's unit: it holds returned and unplaced appeals (custody). */
    @WithDefault("DRC")
    String dispatchCentre();
}
