package cn.huiyin.shared.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An instant typed by a client (a cursor, an event time, an effective date). ISO-8601 allows years far beyond what
 * the database stores or a calendar walks ({@code +999999-01-01T00:00:00Z} parses), so an instant outside years
 * 1–9999 is refused here, at the edge, rather than failing in a statement.
 */
public final class Timestamps {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    public static Optional<Instant> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(typed);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
