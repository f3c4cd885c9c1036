package cn.huiyin.shared.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one text rule for everything a person or a system submits, and the few facts about submitted text that every
 * field rule asks. Every edge (JSON, forms, WeChat, phone) applies {@link #flaw(String)} and {@link #normalized(String)}
 * before a value reaches a policy; the policies then add what a field allows (length, line breaks).
 */
public final class Text {

    private Text() {}

    /** What is wrong with a piece of text, in a form an error message can name. */
    public enum Flaw {
        CONTROL_CHARACTER("a control character", "不允许的控制字符"),
        UNPAIRED_SURROGATE("an unpaired surrogate (not valid Unicode)", "无效的Unicode字符"),
        NONCHARACTER("a Unicode noncharacter", "无效的Unicode字符");

        private final String english;
        private final String chinese;

        Flaw(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        public String english() {
            return english;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** Null, empty and all-blank mean the same: not given (forms send empty fields for unset ones). */
    public static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }

    // line breaks and tabs are ordinary in a description; other control characters never are
    public static boolean hasControlCharacter(String raw) {
        return raw.codePoints().anyMatch(Text::isForbiddenControl);
    }

    /**
     * The first thing that makes this text unfit to store anywhere, if any: a control character other than tab and
     * line breaks (C0, DEL, C1), half of a surrogate pair (which no encoding can store), or a noncharacter.
     */
    public static Optional<Flaw> flaw(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, raw.charAt(++i));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return Optional.of(Flaw.NONCHARACTER);
                    }
                    continue;
                }
                return Optional.of(Flaw.UNPAIRED_SURROGATE);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(Flaw.UNPAIRED_SURROGATE);
            }
            if (isForbiddenControl(c)) {
                return Optional.of(Flaw.CONTROL_CHARACTER);
            }
            if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return Optional.of(Flaw.NONCHARACTER);
            }
        }
        return Optional.empty();
    }

    /** Unicode NFC, so that the same words typed on two keyboards are stored, compared and counted alike. */
    public static String normalized(String raw) {
        return Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    /** In characters as a person counts them (code points), after trimming. */
    public static int length(String raw) {
        String trimmed = raw.strip();
        return trimmed.codePointCount(0, trimmed.length());
    }

    private static boolean isForbiddenControl(int cp) {
        return Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\r' && cp != '\t';
    }
}
