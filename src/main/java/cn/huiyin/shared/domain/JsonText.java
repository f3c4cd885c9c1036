package cn.huiyin.shared.domain;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a flat JSON object with keys in the given order. Event payloads are hashed into the event chain,
 * so their text must be produced the same way every time — and the domain stays free of JSON libraries.
 */
public final class JsonText {

    private JsonText() {
    }

    /** Values may be strings, numbers, booleans or null. Use a LinkedHashMap for a stable key order. */
    public static String object(Map<String, ?> fields) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        fields.forEach((key, value) -> json.add(quote(key) + ":" + value(value)));
        return json.toString();
    }

    /** A JSON array of flat objects, each written as {@link #object(Map)} writes it. */
    public static String array(List<? extends Map<String, ?>> objects) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        objects.forEach(o -> json.add(object(o)));
        return json.toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
