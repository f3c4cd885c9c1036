package cn.huiyin.workqueue.web;

import cn.huiyin.shared.domain.Text;

/**
 * What a field hands on once its rule (declared on its record) has passed: text trimmed, and an optional field left
 * out (null or blank) as null, which is how the services take them.
 */
final class Checked {

    /** What a missing JSON body is told (the body's own rule, before any of its fields'). */
    static final String BODY_REQUIRED = "is required: a JSON object";

    private Checked() {
    }

    static String text(String value) {
        return value.strip();
    }

    static String optional(String value) {
        return Text.isAbsent(value) ? null : value.strip();
    }
}
