package cn.huiyin.channel.phone.domain;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.Text;

import cn.huiyin.shared.domain.FieldViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A body flattened to field → values. Blank values count as absent (form posts send empty fields). A
 * single-valued field given twice with different values is refused rather than guessed at; given twice
 * the same, it is fine.
 */
final class FlatFields {

    private final Map<String, List<String>> fields;

    FlatFields(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** The field's rule applied to its raw value (null when absent), unless the field is ambiguous. */
    Optional<FieldViolation> check(FieldLabel field, Function<String, Optional<FieldViolation>> rule) {
        if (trimmed(raw(field.path())).size() > 1) {
            return Optional.of(field.violation("repeated",
                    field.english() + " was given more than once with different values",
                    field.chinese() + "重复出现且取值不一致"));
        }
        return rule.apply(raw(field.path()).stream().findFirst().orElse(null));
    }

    /** The field's one value, trimmed; null when absent or ambiguous. */
    String value(FieldLabel field) {
        List<String> values = trimmed(raw(field.path()));
        return values.size() == 1 ? values.get(0) : null;
    }

    /** A list field's distinct values, trimmed, in the order sent, whether sent as {@code x[]} or as {@code x}. */
    List<String> values(FieldLabel field) {
        return trimmed(rawValues(field));
    }

    /** Untrimmed, so that rules see control characters that trimming would silently drop. */
    List<String> rawValues(FieldLabel field) {
        return Stream.concat(raw(field.path() + "[]").stream(), raw(field.path()).stream()).toList();
    }

    private List<String> raw(String name) {
        List<String> values = fields.get(name);
        return values == null ? List.of() : values.stream().filter(value -> !Text.isAbsent(value)).toList();
    }

    private static List<String> trimmed(List<String> raw) {
        return raw.stream().map(String::strip).distinct().toList();
    }
}
