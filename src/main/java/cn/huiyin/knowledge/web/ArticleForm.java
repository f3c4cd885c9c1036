package cn.huiyin.knowledge.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Timestamps;

/**
 * The article form as typed (question forms one per line in a text area; days as the date input sends them), shown
 * again next to its errors.
 */
public record ArticleForm(String title, String questions, String answer, String sourceName, String sourceLink,
        String categoryCode, String validFrom, String validTo) {

    static final ArticleForm EMPTY = new ArticleForm("", "", "", "", "", "", "", "");

    static ArticleForm of(ArticleContent c) {
        return new ArticleForm(c.title(), String.join("\n", c.questions()), c.answer(), c.sourceName(),
                c.sourceLink() == null ? "" : c.sourceLink(), c.categoryCode(), String.valueOf(c.validFrom()),
                c.validTo() == null ? "" : c.validTo().toString());
    }

    /** The days that do not parse, by field, in Chinese; empty when both are days or blank. */
    Map<String, String> dateErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!blank(validFrom) && day(validFrom) == null) {
            errors.put("validFrom", "生效日期格式不正确（如 2027-01-01），留空则为今天");
        }
        if (!blank(validTo) && day(validTo) == null) {
            errors.put("validTo", "失效日期格式不正确（如 2027-12-31），长期有效可留空");
        }
        return errors;
    }

    /** The content typed (call after {@link #dateErrors()} found none); a blank valid-from day is today. */
    ArticleContent content(LocalDate today) {
        List<String> forms = questions == null ? List.of() : Arrays.stream(questions.split("\\R")).toList();
        return new ArticleContent(title, forms, answer, sourceName, sourceLink, categoryCode,
                blank(validFrom) ? today : day(validFrom), blank(validTo) ? null : day(validTo));
    }

    /** The first Chinese message per field, in the form's order. */
    static Map<String, String> errors(List<FieldViolation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.field(), v.messageZh()));
        return errors;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate day(String raw) {
        return Timestamps.day(raw).orElse(null);
    }
}
