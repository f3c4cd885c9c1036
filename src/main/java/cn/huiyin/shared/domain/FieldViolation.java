package cn.huiyin.shared.domain;

import java.util.Objects;

/**
 * One thing wrong with one submitted field. {@code field} is the JSON field name, {@code code} a
 * stable {@code <field>.<rule>} key for clients; the web form shows {@code messageZh}.
 */
public record FieldViolation(String field, String code, String message, String messageZh) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageZh, "messageZh");
    }
}
