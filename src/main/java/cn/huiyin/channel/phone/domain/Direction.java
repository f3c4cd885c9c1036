package cn.huiyin.channel.phone.domain;

import java.util.Arrays;
import java.util.Optional;

/** IN: someone called the hotline. OUT: an agent placed the call (a call-back, say). */
public enum Direction {
    IN("in"),
    OUT("out");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** As the PBX writes it: {@code in} or {@code out}. */
    public String wireName() {
        return wireName;
    }

    /** Exactly {@code in} or {@code out}, as Zammad's Generic CTI compares them; "IN" is not a direction. */
    public static Optional<Direction> parse(String raw) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(raw)).findFirst();
    }
}
