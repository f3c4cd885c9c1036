package cn.huiyin.channel.phone.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.MultivaluedMap;

import cn.huiyin.channel.phone.domain.ZammadCtiPolicy;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Text;

/**
 * JSON objects and form bodies flattened to field → values, the one shape the CTI policies read. Only the fields
 * a call event has are read (others are ignored): each a string, {@code user} also an array of strings. A value of
 * another JSON type, or text that cannot be stored, is noted rather than turned into text.
 */
final class Fields {

    /** The flattened fields, and what was wrong with any of them before the policy looks. */
    record Read(Map<String, List<String>> fields, List<FieldViolation> violations) {

        /** The policy's verdict, with the fields noted here reported first and not again by the policy. */
        ZammadCtiPolicy.Result check(Instant receivedAt) {
            ZammadCtiPolicy.Result result = ZammadCtiPolicy.check(fields, receivedAt);
            if (violations.isEmpty()) {
                return result;
            }
            List<FieldViolation> all = new ArrayList<>(violations);
            if (result instanceof ZammadCtiPolicy.Invalid invalid) {
                invalid.violations().stream().filter(v -> violations.stream().noneMatch(n -> n.field().equals(v.field())))
                        .forEach(all::add);
            }
            return new ZammadCtiPolicy.Invalid(all);
        }
    }

    private Fields() {
    }

    static Read of(JsonNode object) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : ZammadCtiPolicy.FIELDS) {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            boolean list = ZammadCtiPolicy.LIST_FIELDS.contains(name);
            List<JsonNode> items = new ArrayList<>();
            if (value.isArray() && list) {
                value.forEach(items::add);
            } else {
                items.add(value);
            }
            if (items.stream().anyMatch(item -> !item.isTextual())) {
                violations.add(new FieldViolation(name, name + ".type",
                        name + " must be " + (list ? "a JSON string or an array of strings" : "a JSON string"),
                        name + (list ? "应为字符串或字符串数组" : "应为字符串")));
                continue;
            }
            add(fields, violations, name, items.stream().map(JsonNode::textValue).toList());
        }
        return new Read(fields, violations);
    }

    static Read of(MultivaluedMap<String, String> form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        form.forEach((name, values) -> {
            if (ZammadCtiPolicy.FIELDS.contains(name)) {
                add(fields, violations, name, values);
            }
        });
        return new Read(fields, violations);
    }

    private static void add(Map<String, List<String>> fields, List<FieldViolation> violations, String name,
            List<String> values) {
        for (String value : values) {
            var flaw = Text.flaw(value);
            if (flaw.isPresent()) {
                violations.add(SignedJsonBody.flaw(name, flaw.get()));
                return;
            }
        }
        fields.put(name, List.copyOf(values));
    }
}
