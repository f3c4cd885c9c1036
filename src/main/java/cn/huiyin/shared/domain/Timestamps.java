package cn.huiyin.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An instant or a day typed by a client (a cursor, an event time, an effective date, a period). ISO-8601 allows years
 * far beyond what the database stores or a calendar walks ({@code +999999-01-01T00:00:00Z} and {@code -5000-01-01}
 * parse), so anything outside years 1–9999 is refused here, at the edge, rather than failing in a statement.
 */
public final class Timestamps {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    /** An ISO-8601 instant such as {@code 2026-12-08T02:00:00Z} or {@code 2026-12-08T10:00:00+08:00}. */
    public static Optional<Instant> parse(String typed) {
        return parsed(typed, Instant::parse, Timestamps::storable);
    }

    /** A day such as {@code 2026-10-01} (surrounding spaces ignored). */
    public static Optional<LocalDate> day(String typed) {
        return parsed(typed == null ? null : typed.strip(), LocalDate::parse, day -> storable(YearMonth.from(day)));
    }

    /** A month such as {@code 2026-10} (surrounding spaces ignored). */
    public static Optional<YearMonth> month(String typed) {
        return parsed(typed == null ? null : typed.strip(), YearMonth::parse, Timestamps::storable);
    }

    public static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static boolean storable(YearMonth month) {
        return month.getYear() >= 1 && month.getYear() <= 9999;
    }

    private static <T> Optional<T> parsed(String typed, Function<String, T> parse, Predicate<T> storable) {
        if (typed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(typed)).filter(storable);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
