package cn.huiyin.workqueue.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.shared.domain.Text;

/**
 * The staff pages' edge checks, collected per field with the Chinese message the page shows beside it
 * (the JSON resources answer the same mistakes with {@link Fields} in English).
 */
final class FormChecks {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Free text of {@code min} to {@code max} characters; returns it stripped, or null when rejected. */
    String text(String field, String value, int min, int max, String what) {
        if (value == null || Text.isAbsent(value) || Text.hasControlCharacter(value) || Text.length(value.strip()) < min
                || Text.length(value) > max) {
            errors.put(field, what + "须为" + min + "至" + max + "字");
            return null;
        }
        return value.strip();
    }

    String optionalText(String field, String value, int max, String what) {
        return value == null || value.isBlank() ? null : text(field, value, 1, max, what);
    }

    /** A unit or category code picked from a list; null when absent or malformed. */
    String code(String field, String value, String message) {
        if (value == null || !value.matches("[A-Z][A-Z0-9_-]{1,31}")) {
            errors.put(field, message);
            return null;
        }
        return value;
    }

    String optionalCode(String field, String value, String message) {
        return value == null || value.isBlank() ? null : code(field, value, message);
    }

    int number(String field, String value, int min, int max, String message) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.put(field, message);
        return 0;
    }

    /** A field refused by a check of the page's own, with its message. */
    void reject(String field, String message) {
        errors.put(field, message);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }
}
