package cn.huiyin.workqueue.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Validator;

import cn.huiyin.shared.validation.RejectedField;

/**
 * The staff pages' field checks. The rules are the constraints declared on a form's record — the JSON resources' own
 * body records where the API takes the same step — checked by the {@link Validator}; the words are the page's, in
 * Chinese, shown beside the field. A check that is not one field's rule (which of two fields is needed) stays with
 * the page and is added with {@link #reject}.
 */
final class FormChecks {

    /** Said of a field whose rule has no words on this page. */
    private static final String UNWORDED = "输入有误，请检查后重试";

    private final Validator validator;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormChecks(Validator validator) {
        this.validator = validator;
    }

    /**
     * Checks {@code form} and returns it. Each rejected field gets the page's sentence for it from {@code words}, by
     * field name, with the constraint's attributes filled in ({@code "答复内容须为{min}至{max}字"}); a field keeps its
     * first error, in the order the record declares its fields.
     */
    <T> T check(T form, Map<String, String> words) {
        for (RejectedField rejected : RejectedField.inOrder(validator.validate(form))) {
            errors.putIfAbsent(rejected.field(), worded(words.getOrDefault(rejected.field(), UNWORDED), rejected));
        }
        return form;
    }

    /** A field refused by a check of the page's own, with its message. */
    void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }

    private static String worded(String sentence, RejectedField rejected) {
        String worded = sentence;
        for (Map.Entry<String, Object> attribute : rejected.violation().getConstraintDescriptor().getAttributes().entrySet()) {
            worded = worded.replace("{" + attribute.getKey() + "}", String.valueOf(attribute.getValue()));
        }
        return worded;
    }
}
