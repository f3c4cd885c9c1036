package cn.huiyin.supervision.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import cn.huiyin.shared.domain.Timestamps;

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
        Instant breachAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
        // 18 digits reach ±31,000 years: beyond what the database stores is no cursor the desk wrote
        return Timestamps.storable(breachAt) ? Optional.of(new DeskCursor(breachAt, Long.parseLong(parts[1])))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, breachAt) + "." + appealId;
    }
}
