package cn.huiyin.shared.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last one a check
 * character over the first 17. Always held in canonical form (trimmed, upper case, check verified).
 */
public record Uscc(String value) {

    /** The code's alphabet; a character's weight in the check sum is its index here. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    // The standard's format is ^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$. The last character
    // is only checked against the computed one (always in the alphabet), so that a forbidden letter
    // there, as in 91350100M000100Y4Z, is reported as the wrong check character it is.
    private static final Pattern SHAPE =
            Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-Z]$");

    /** Why a raw string is not a USCC; the web form words each case differently. */
    public enum Defect {
        MISSING,
        MALFORMED,
        WRONG_CHECK_CHARACTER
    }

    public Uscc {
        Objects.requireNonNull(value, "value");
        if (defectOf(value).isPresent() || !value.equals(canonical(value))) {
            throw new IllegalArgumentException("not a canonical USCC: " + value);
        }
    }

    public static Optional<Uscc> parse(String raw) {
        return defectOf(raw).isPresent() ? Optional.empty() : Optional.of(new Uscc(canonical(raw)));
    }

    /** Empty when {@code raw} is a valid USCC (after trimming and upper-casing). */
    public static Optional<Defect> defectOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(Defect.MISSING);
        }
        String candidate = canonical(raw);
        if (!SHAPE.matcher(candidate).matches()) {
            return Optional.of(Defect.MALFORMED);
        }
        if (checkCharacter(candidate.substring(0, 17)) != candidate.charAt(17)) {
            return Optional.of(Defect.WRONG_CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need exactly 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int index = ALPHABET.indexOf(first17.charAt(i));
            if (index < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the USCC alphabet");
            }
            sum += index * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static String canonical(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }
}
