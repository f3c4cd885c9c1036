package cn.huiyin.shared.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland China mobile number: {@code normalized} is the bare 11 digits, {@code original} is what
 * the person typed (kept because it is evidence of what was submitted).
 */
public record MobileNumber(String original, String normalized) {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s\\u3000-]");
    private static final String[] COUNTRY_PREFIXES = {"+86", "0086", "86"};
    // nobody writes a phone number longer than this; it is also the width the original is stored in
    private static final int MAX_ORIGINAL_LENGTH = 32;

    public MobileNumber {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(normalized, "normalized");
        if (!MAINLAND_MOBILE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not a mainland mobile number");
        }
    }

    public static Optional<MobileNumber> parse(String raw) {
        if (raw == null || raw.strip().length() > MAX_ORIGINAL_LENGTH) {
            return Optional.empty();
        }
        String digits = withoutCountryPrefix(SPACES_AND_HYPHENS.matcher(raw).replaceAll(""));
        return MAINLAND_MOBILE.matcher(digits).matches()
                ? Optional.of(new MobileNumber(raw.strip(), digits))
                : Optional.empty();
    }

    /** {@code 138****8000}: enough for a person to recognise their own number, no more. */
    public String masked() {
        return normalized.substring(0, 3) + "****" + normalized.substring(7);
    }

    /** Masked, so that a number never reaches a log line by accident. */
    @Override
    public String toString() {
        return "MobileNumber[" + masked() + "]";
    }

    private static String withoutCountryPrefix(String compact) {
        for (String prefix : COUNTRY_PREFIXES) {
            // only a prefix when exactly a full number follows, so "86…" numbers are never cut short
            if (compact.startsWith(prefix) && compact.length() - prefix.length() == 11) {
                return compact.substring(prefix.length());
            }
        }
        return compact;
    }
}
