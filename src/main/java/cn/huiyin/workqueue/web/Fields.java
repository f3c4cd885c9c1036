package cn.huiyin.workqueue.web;

import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.web.ProblemException;

/** Edge checks for the free-text and code fields of work-queue requests. */
final class Fields {

    private Fields() {
    }

    static String required(String field, String value, int min, int max) {
        if (value == null || Text.isAbsent(value) || Text.hasControlCharacter(value) || Text.length(value.strip()) < min
                || Text.length(value) > max) {
            throw ProblemException.badRequest(field, field + " is " + min + " to " + max + " characters, without control characters");
        }
        return value.strip();
    }

    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : required(field, value, 1, max);
    }

    static String code(String field, String value) {
        if (value == null || !value.matches("[A-Z][A-Z0-9_-]{1,31}")) {
            throw ProblemException.badRequest(field, field + " is a unit code such as SAMR");
        }
        return value;
    }
}
