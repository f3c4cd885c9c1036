package cn.huiyin.risk.application;

import java.time.Instant;

/**
 * An appeal expected to miss its handling deadline (预计超时): not late yet, with its probability of missing it.
 *
 * @param holder the commissioner holding it, null when nobody does
 */
public record ExpectedLate(String trackingNo, String title, String status, String unitCode, String unitName,
        String holder, double breachRisk, Instant handleDueAt, Instant computedAt) {

    /** The risk as pages show it: a whole percentage. */
    public String riskPercent() {
        return Math.round(breachRisk * 100) + "%";
    }
}
