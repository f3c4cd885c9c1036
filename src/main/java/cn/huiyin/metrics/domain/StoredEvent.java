package cn.huiyin.metrics.domain;

import java.time.Instant;
import java.util.Map;

/** One appeal event as the projection reads it: its place in the appeal's chain, its type and its payload fields. */
public record StoredEvent(int seq, String type, Instant occurredAt, Map<String, Object> payload) {

    public StoredEvent {
        payload = payload == null ? Map.of() : payload;
    }

    String text(String field) {
        Object value = payload.get(field);
        return value == null ? null : value.toString();
    }

    boolean flag(String field) {
        Object value = payload.get(field);
        return value instanceof Boolean b ? b : "true".equals(String.valueOf(value));
    }

    Integer number(String field) {
        Object value = payload.get(field);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
