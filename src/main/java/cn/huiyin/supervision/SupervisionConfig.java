package cn.huiyin.supervision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The supervision desk (督办台) and its orders (督办单). */
@ConfigMapping(prefix = "huiyin.supervision")
public interface SupervisionConfig {

    /** How often unanswered orders past their reply deadline are escalated ({@code off} disables it on this replica). */
    @WithDefault("1m")
    String escalateEvery();

    /** Orders escalated per transaction; the next tick takes the rest. */
    @WithDefault("200")
    int escalateBatch();

    /** Most lines one page of the desk shows. */
    @WithDefault("100")
    int deskPageSize();

    /** Most appeals the desk page lists as expected late (预计超时). */
    @WithDefault("20")
    int expectedLateShown();
}
