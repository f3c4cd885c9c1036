package cn.huiyin.evaluation.web;

import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;

/** A rating as submitted (API body or form), checked at the edge: 422 naming the field otherwise. */
public record RatingInput(Boolean resolved, Integer level, String comment) {

    public Rating toRating() {
        if (resolved == null) {
            throw invalid("resolved", "Say whether the matter is resolved (true or false)");
        }
        Satisfaction satisfaction = level == null ? null : Satisfaction.of(level).orElse(null);
        if (satisfaction == null) {
            throw invalid("level", "The satisfaction level is 1 (非常不满意) to 5 (非常满意)");
        }
        return new Rating(satisfaction, resolved, checkedText("comment", comment), false);
    }

    /** Optional free text: at most 500 characters, no control characters; blank counts as none. */
    static String checkedText(String field, String text) {
        if (text == null || Text.isAbsent(text)) {
            return null;
        }
        if (Text.hasControlCharacter(text) || Text.length(text) > Rating.MAX_COMMENT) {
            throw invalid(field, "At most " + Rating.MAX_COMMENT + " characters, without control characters");
        }
        return text.strip();
    }

    static ProblemException invalid(String field, String detail) {
        return new ProblemException(Problem.of(422, "invalid-input", "Invalid input", detail).withField(field));
    }
}
