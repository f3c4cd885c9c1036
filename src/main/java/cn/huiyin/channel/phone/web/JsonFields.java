package cn.huiyin.channel.phone.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.huiyin.shared.domain.FieldViolation;

/**
 * Typed reads of an event's fields. A field holds exactly its JSON type, or is absent or null: a number or a
 * boolean is not taken as text, nor {@code 1} or {@code "true"} as a boolean. Every wrong type is noted under the
 * field's path ({@code contact.mobile}), and the field then counts as not sent.
 */
final class JsonFields {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** A JSON string; null when absent or null. */
    String text(JsonNode parent, String prefix, String name) {
        JsonNode value = parent.get(name);
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            wrongType(path(prefix, name), "a JSON string", "字符串");
            return null;
        }
        return value.textValue();
    }

    /** A JSON boolean; {@code otherwise} when absent or null. */
    boolean bool(JsonNode parent, String name, boolean otherwise) {
        JsonNode value = parent.get(name);
        if (absent(value)) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            wrongType(name, "true or false (a JSON boolean)", "布尔值 true 或 false");
            return otherwise;
        }
        return value.booleanValue();
    }

    /** A JSON object; a missing node (every field absent) when absent, null or of another type. */
    JsonNode object(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (!absent(value) && !value.isObject()) {
            wrongType(name, "a JSON object", "对象");
        }
        return absent(value) || !value.isObject() ? MissingNode.getInstance() : value;
    }

    /** Present, not null, and a JSON array; a wrong type is noted, absence is the caller's to judge. */
    boolean array(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (!absent(value) && !value.isArray()) {
            wrongType(name, "a JSON array", "数组");
        }
        return !absent(value) && value.isArray();
    }

    /** Whether a wrong type was noted for {@code path}: its other rules are then beside the point. */
    boolean noted(String path) {
        return violations.stream().anyMatch(v -> v.field().equals(path));
    }

    List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    private void wrongType(String path, String english, String chinese) {
        violations.add(new FieldViolation(path, path + ".type", path + " must be " + english, path + "应为" + chinese));
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
