package cn.huiyin.feed.domain;

import java.util.Locale;

/**
 * Stored event type names as CloudEvents types: {@code DISPATCHED} is {@code cn.huiyin.appeal.dispatched},
 * {@code SLA_WARNING} is {@code cn.huiyin.appeal.sla_warning}. One to one both ways, so a consumer can map
 * back to the names of docs/api.md's timeline.
 */
public final class CloudEventTypes {

    public static final String PREFIX = "cn.huiyin.appeal.";

    private CloudEventTypes() {
    }

    public static String of(String storedType) {
        return PREFIX + storedType.toLowerCase(Locale.ROOT);
    }

    public static String storedType(String cloudEventType) {
        if (!cloudEventType.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an appeal event type: " + cloudEventType);
        }
        return cloudEventType.substring(PREFIX.length()).toUpperCase(Locale.ROOT);
    }
}
