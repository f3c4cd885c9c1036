package cn.huiyin.channel.phone.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.MultivaluedMap;

/** JSON objects and form bodies flattened to field → values, the one shape the CTI policies read. */
final class Fields {

    private Fields() {
    }

    static Map<String, List<String>> of(JsonNode object) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return fields;
        }
        object.fields().forEachRemaining(entry -> {
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(item -> values.add(text(item)));
            } else if (!entry.getValue().isNull()) {
                values.add(text(entry.getValue()));
            }
            fields.put(entry.getKey(), values);
        });
        return fields;
    }

    static Map<String, List<String>> of(MultivaluedMap<String, String> form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, List.copyOf(values)));
        return fields;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
