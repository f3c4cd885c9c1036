package cn.huiyin.shared.domain;

/** The few facts about submitted text that every field rule asks. */
public final class Text {

    private Text() {}

    /** Null, empty and all-blank mean the same: not given (forms send empty fields for unset ones). */
    public static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }

    // line breaks and tabs are ordinary in a description; other control characters never are
    public static boolean hasControlCharacter(String raw) {
        return raw.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                && cp != '\n' && cp != '\r' && cp != '\t');
    }

    /** In characters as a person counts them (code points), after trimming. */
    public static int length(String raw) {
        String trimmed = raw.strip();
        return trimmed.codePointCount(0, trimmed.length());
    }
}
