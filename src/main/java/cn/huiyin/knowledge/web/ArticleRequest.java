package cn.huiyin.knowledge.web;

import java.time.LocalDate;
import java.util.List;

import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.web.ProblemException;

/**
 * An article as a client sends it (JSON). Dates are ISO days ({@code 2027-01-01}); {@code validFrom} left out means
 * today, {@code validTo} left out means until withdrawn. {@code unitCode} only on creation (default: the caller's unit).
 */
public record ArticleRequest(String title, List<String> questions, String answer, String sourceName, String sourceLink,
        String unitCode, String categoryCode, String validFrom, String validTo) {

    /** The content, dates parsed; a malformed date is a 400 naming its field. */
    ArticleContent content(LocalDate today) {
        LocalDate from = validFrom == null || validFrom.isBlank() ? today : day("validFrom", validFrom);
        LocalDate to = validTo == null || validTo.isBlank() ? null : day("validTo", validTo);
        return new ArticleContent(title, questions, answer, sourceName, sourceLink, categoryCode, from, to);
    }

    static LocalDate day(String field, String raw) {
        return Timestamps.day(raw).orElseThrow(() -> ProblemException.badRequest(field,
                field + " is a day in years 1-9999 such as 2027-01-01"));
    }
}
