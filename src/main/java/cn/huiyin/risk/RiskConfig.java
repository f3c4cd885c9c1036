package cn.huiyin.risk;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.risk")
public interface RiskConfig {

    /** How often the breach risks are recomputed ({@code off} disables the job on this replica). */
    @WithDefault("1m")
    String refreshEvery();

    /** How far back the units' handling times are taken from (calendar time). */
    @WithDefault("90d")
    Duration window();

    /** The latest handling times kept per unit: a few hundred are all a survival estimate needs. */
    @WithDefault("500")
    int samplesPerUnit();

    /** How strongly a unit's backlog stretches the time an appeal still needs (chosen by the backtest). */
    @WithDefault("1.0")
    double loadExponent();

    /** The most the backlog may stretch or shrink that time. */
    @WithDefault("4")
    double maxStretch();

    /** From this probability of missing its handling deadline an appeal counts as expected late (预计超时). */
    @WithDefault("0.6")
    double expectedLateAt();
}
