package cn.huiyin.feed.domain;

import java.time.Instant;

/**
 * One stored appeal event as the feed publishes it: {@code type} the stored type name (e.g. {@code DISPATCHED}),
 * {@code payload} its record's JSON text as stored, {@code reason} and {@code actor} the event row's columns.
 */
public record FeedEvent(long id, long appealId, String trackingNo, int seq, String type, boolean internal,
        Instant occurredAt, String actor, String reason, String payload) {

    /** The CloudEvents type: {@code cn.huiyin.appeal.} and the stored type name in lower case. */
    public String cloudEventType() {
        return CloudEventTypes.of(type);
    }
}
