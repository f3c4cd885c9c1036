package cn.huiyin.appeal.domain;

import java.time.Instant;
import java.util.Objects;

/** The fields of one appeal event that the hash chain protects. {@code reason} may be null. */
public record ChainEntry(
        String trackingNo,
        int seq,
        String type,
        String actor,
        Instant occurredAt,
        String reason,
        String payloadJson) {

    public ChainEntry {
        Objects.requireNonNull(trackingNo, "trackingNo");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
