package cn.huiyin.shared.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number an enterprise quotes when it asks about its appeal: {@code yyMMdd} of the intake day,
 * a 6-digit serial, and a Damm check digit, because it is read aloud over the phone.
 */
public record TrackingNumber(String value) {

    /** Intake days are counted in the district's own time zone. */
    public static final ZoneId INTAKE_ZONE = ZoneId.of("Asia/Shanghai");

    private static final int SERIALS_PER_DAY = 1_000_000;
    private static final int LENGTH = 13;
    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s\\u3000-]");

    public TrackingNumber {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a tracking number: " + value);
        }
    }

    /** The number for the {@code serial}-th appeal; serials wrap at one million. */
    public static TrackingNumber issue(LocalDate day, long serial) {
        Objects.requireNonNull(day, "day");
        if (day.getYear() < 2000 || day.getYear() > 2099) {
            throw new IllegalArgumentException("two-digit years only cover 2000-2099: " + day);
        }
        if (serial < 0) {
            throw new IllegalArgumentException("serial must not be negative: " + serial);
        }
        // yyMMdd and the zero-padded serial, written digit by digit: one is issued for every appeal
        StringBuilder digits = new StringBuilder(LENGTH);
        appendPadded(digits, day.getYear() % 100, 2);
        appendPadded(digits, day.getMonthValue(), 2);
        appendPadded(digits, day.getDayOfMonth(), 2);
        appendPadded(digits, serial % SERIALS_PER_DAY, 6);
        return new TrackingNumber(digits.append(DammCheckDigit.compute(digits)).toString());
    }

    /** Same, taking the intake day from an instant so no caller picks the wrong time zone. */
    public static TrackingNumber issue(Instant intakeAt, long serial) {
        return issue(LocalDate.ofInstant(intakeAt, INTAKE_ZONE), serial);
    }

    /** Accepts the number as people write it: with spaces or hyphens anywhere. */
    public static Optional<TrackingNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SPACES_AND_HYPHENS.matcher(raw).replaceAll("");
        return isWellFormed(compact) ? Optional.of(new TrackingNumber(compact)) : Optional.empty();
    }

    /** The intake day, assuming the 2000s. */
    public LocalDate intakeDay() {
        return dayOf(value);
    }

    /** Grouped for reading aloud: {@code 261125 004217 5}. */
    public String spoken() {
        return value.substring(0, 6) + " " + value.substring(6, 12) + " " + value.substring(12);
    }

    /** {@code value}, zero-padded on the left to {@code width} digits ({@code value} has at most that many). */
    private static void appendPadded(StringBuilder out, long value, int width) {
        for (long limit = 10; width > 1; width--, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }

    private static boolean isWellFormed(String candidate) {
        return isThirteenDigits(candidate)
                && DammCheckDigit.isValid(candidate)
                && isRealDay(candidate);
    }

    /** Thirteen ASCII digits ([0-9], what the pattern {@code \\d} matches). */
    private static boolean isThirteenDigits(String candidate) {
        if (candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isRealDay(String candidate) {
        try {
            dayOf(candidate);
            return true;
        } catch (DateTimeException notADay) {
            return false;
        }
    }

    private static LocalDate dayOf(String digits) {
        return LocalDate.of(2000 + twoDigits(digits, 0), twoDigits(digits, 2), twoDigits(digits, 4));
    }

    private static int twoDigits(String digits, int from) {
        return (digits.charAt(from) - '0') * 10 + (digits.charAt(from + 1) - '0');
    }
}
