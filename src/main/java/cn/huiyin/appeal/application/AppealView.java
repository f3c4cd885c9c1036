package cn.huiyin.appeal.application;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;


/** An appeal as shown to whoever may see it; staff-only fields are null for the enterprise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealView(String trackingNo, String trackingNoSpoken, String status, String statusLabel, String channel,
        String appealType, String category, boolean urgent, String title, String content, String enterpriseName,
        String uscc, String identityState, String contactName, String contactMobile, Unit handlingUnit,
        Instant receivedAt, Instant dispatchedAt, boolean supervised, List<ClockView> clocks, List<TimelineEntry> timeline) {

    public record Unit(String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code detail}: what the step said to the enterprise (the answer of a reply, a supplement's text). */
    public record TimelineEntry(int seq, String type, String label, Instant at, String actor, String reason,
            String visibility, String detail) {
    }
}
