package cn.huiyin.hotspot;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hot-spot job and what makes a hot spot (docs/hotspots.md); the grouping's thresholds are measured, not set. */
@ConfigMapping(prefix = "huiyin.hotspot")
public interface HotSpotConfig {

    /** How often the hot spots are recomputed ({@code off} disables the job on this replica). */
    @WithDefault("5m")
    String refreshEvery();

    /** Appeals received this long before now are grouped (每月一题: a month). */
    @WithDefault("30d")
    Duration window();

    /** A hot spot has at least this many appeals … */
    @WithDefault("3")
    int minAppeals();

    /** … from at least this many different enterprises. */
    @WithDefault("2")
    int minEnterprises();

    /** The trend compares the appeals of the last span with those of the span before it. */
    @WithDefault("7d")
    Duration trendSpan();

    /**
     * Categories whose appeals are one problem only within one street (属地), besides those the catalogue sends to the
     * street: a blocked pavement in 车陂 is not the one in 石牌.
     */
    @WithDefault("CITY_MGMT")
    Set<String> localCategories();
}
