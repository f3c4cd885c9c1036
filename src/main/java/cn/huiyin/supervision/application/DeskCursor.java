package cn.huiyin.supervision.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where the next page of the desk starts: after the last line's breach time (in microseconds, as the database keeps
 * it) and appeal id. Written {@code <microseconds>.<id>}; opaque to clients.
 */
public record DeskCursor(Instant breachAt, long appealId) {

    /** Before every line. */
    public static final DeskCursor START = new DeskCursor(Instant.EPOCH, 0);

    public static Optional<DeskCursor> parse(String text) {
        if (text == null || !text.matches("-?[0-9]{1,18}\\.[0-9]{1,18}")) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.");
        long micros = Long.parseLong(parts[0]);
        return Optional.of(new DeskCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(parts[1])));
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, breachAt) + "." + appealId;
    }
}
