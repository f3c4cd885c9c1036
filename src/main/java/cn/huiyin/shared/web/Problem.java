package cn.huiyin.shared.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error shape (RFC 9457 problem details). {@code type} is stable: clients branch on it, never on
 * {@code detail}. {@code field} names the offending input when there is one; {@code correlationId} is on every 5xx.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<InvalidField> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://huiyin.cn/problems/";

    /** One rejected field, in English and in Chinese (the enterprise-facing pages show the Chinese text). */
    public record InvalidField(String field, String code, String message, String messageZh) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null, null);
    }

    public static Problem invalid(List<InvalidField> errors) {
        String first = errors.isEmpty() ? null : errors.get(0).field();
        return new Problem(TYPE_BASE + "invalid-input", "Invalid input", 422,
                errors.size() + " field(s) rejected; see errors", first, List.copyOf(errors), null);
    }

    public Problem withField(String field) {
        return new Problem(type, title, status, detail, field, errors, correlationId);
    }

    /** The id of the one log line that tells operators what failed (5xx only: nothing else is logged as an error). */
    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, field, errors, id);
    }
}
