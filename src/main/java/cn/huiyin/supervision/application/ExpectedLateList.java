package cn.huiyin.supervision.application;

import java.time.Instant;
import java.util.List;

/**
 * The desk's 预计超时 list: appeals not late yet (their handling deadline still ahead, and not on the desk's late list)
 * whose probability of missing that deadline is at least {@code expectedLateAt}, riskiest first.
 */
public record ExpectedLateList(double expectedLateAt, List<Line> appeals) {

    /** The threshold as the page shows it: a whole percentage. */
    public String thresholdPercent() {
        return Math.round(expectedLateAt * 100) + "%";
    }

    /**
     * One appeal expected late.
     *
     * @param holder     the commissioner holding it (username), null when nobody does
     * @param holderName the holder's name, null when unknown
     * @param breachRisk the probability of missing the handling deadline, 0 to 1
     * @param computedAt when the risk was last computed
     */
    public record Line(String trackingNo, String title, String status, String statusLabel, String unitCode,
            String unitName, String holder, String holderName, double breachRisk, Instant handleDueAt,
            Instant computedAt) {

        /** The risk as the page shows it: a whole percentage. */
        public String riskPercent() {
            return Math.round(breachRisk * 100) + "%";
        }
    }
}
