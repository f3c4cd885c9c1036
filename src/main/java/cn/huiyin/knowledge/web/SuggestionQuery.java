package cn.huiyin.knowledge.web;

import java.util.UUID;
import java.util.regex.Pattern;

import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.web.ProblemException;

/** The rules for a suggestions request's {@code q} and {@code asker}: a bad one is a 400 naming it. */
final class SuggestionQuery {

    static final int MIN_CHARACTERS = 2;
    static final int MAX_CHARACTERS = 500;
    /** A call id as the contact centre and the agent desk write it. */
    private static final Pattern CALL_ID = Pattern.compile("[!-~]{1,100}");

    private SuggestionQuery() {
    }

    /** What was typed, stripped: 2 to 500 characters of storable text. */
    static String question(String q) {
        String stripped = q == null ? "" : q.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < MIN_CHARACTERS || length > MAX_CHARACTERS) {
            throw ProblemException.badRequest("q", "q must be " + MIN_CHARACTERS + " to " + MAX_CHARACTERS + " characters");
        }
        Text.flaw(stripped).ifPresent(flaw -> {
            throw ProblemException.badRequest("q", "q contains " + flaw.english());
        });
        return Text.normalized(stripped);
    }

    /** The web form's submission id (a UUID), in its canonical spelling. */
    static String formAsker(String asker) {
        try {
            return UUID.fromString(asker == null ? "" : asker.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("asker", "asker must be the form's submission id (a UUID)");
        }
    }

    /** The call the agent desk is working on (or the id the desk gave a work order without a call). */
    static String callAsker(String asker) {
        if (asker == null || !CALL_ID.matcher(asker).matches()) {
            throw ProblemException.badRequest("asker", "asker must be a call id: 1 to 100 printable ASCII characters");
        }
        return asker;
    }

    /** The appeal a commissioner is answering. */
    static String appealAsker(String asker) {
        return TrackingNumber.parse(asker == null ? "" : asker).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("asker", "asker must be a tracking number"));
    }

    static UUID shownId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("shownId", "shownId must be the id a suggestion came with");
        }
    }
}
