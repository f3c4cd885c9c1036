package cn.huiyin.channel.phone.domain;

import java.util.Arrays;
import java.util.Optional;

/** Why a call ended, in Zammad Generic CTI's vocabulary (the wire names are its exact spellings). */
public enum HangupCause {
    NORMAL_CLEARING("normalClearing"),
    BUSY("busy"),
    CANCEL("cancel"),
    NO_ANSWER("noAnswer"),
    CONGESTION("congestion"),
    NOT_FOUND("notFound"),
    FORWARDED("forwarded");

    private final String wireName;

    HangupCause(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** By exact wire name only; PBX connectors send these verbatim, so a variant spelling is a bug to surface. */
    public static Optional<HangupCause> parse(String raw) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(raw)).findFirst();
    }
}
