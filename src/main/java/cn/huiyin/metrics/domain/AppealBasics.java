package cn.huiyin.metrics.domain;

import java.time.Instant;

/**
 * What the appeal row says about an appeal when it is projected: where it came from, what it is about, who holds
 * it now, and the due times of its first-round RESPOND and HANDLE clocks (extensions included; null without a clock).
 */
public record AppealBasics(long appealId, String trackingNo, String channel, String appealType, String category,
        String unit, String street, String status, Instant receivedAt, Instant respondDueAt, Instant handleDueAt) {
}
