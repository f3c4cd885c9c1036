package cn.huiyin.appeal.domain;

import java.time.Instant;

/** One line of a list of appeals (a caller's history on the agent desk, an enterprise's own appeals). */
public record AppealSummary(String trackingNo, String title, String status, String uscc, String enterpriseName,
        Instant receivedAt) {
}
