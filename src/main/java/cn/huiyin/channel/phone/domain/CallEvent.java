package cn.huiyin.channel.phone.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the PBX told us about a call, already checked. {@code users} are the names the PBX sent in
 * {@code user} / {@code user[]}; {@code occurredAt} is the event's own time, or when we received it for
 * sources that send none (Zammad's). Optional fields are null when not sent.
 */
public record CallEvent(Type type, String callId, Direction direction, String from, String to, String queue,
        List<String> users, String answeringNumber, HangupCause cause, Instant occurredAt) {

    public enum Type {
        NEW_CALL("newCall"),
        ANSWER("answer"),
        HANGUP("hangup");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Type> parse(String raw) {
            return Arrays.stream(values()).filter(t -> t.wireName.equals(raw)).findFirst();
        }
    }

    public CallEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        users = users == null ? List.of() : List.copyOf(users);
        if (cause != null && type != Type.HANGUP) {
            throw new IllegalArgumentException("only a hangup has a cause, not a " + type.wireName());
        }
    }

    /**
     * Who on our side handled the call, as far as this event says; null when it does not. Inbound, that is
     * whoever answered: {@code answeringNumber} names them exactly (Zammad looks the user up by it), a single
     * {@code user} does too, while several users on an answer are just the phones that rang. Outbound, it is
     * the agent who dialled, the sole {@code user} of the newCall.
     */
    public String agent() {
        if (direction == Direction.IN && type == Type.ANSWER) {
            return answeringNumber != null ? answeringNumber : soleUser();
        }
        if (direction == Direction.OUT && type == Type.NEW_CALL) {
            return soleUser();
        }
        return null;
    }

    private String soleUser() {
        return users.size() == 1 ? users.get(0) : null;
    }

    /** Numbers masked, so that a caller's number never reaches a log line by accident. */
    @Override
    public String toString() {
        return "CallEvent[" + type.wireName() + " " + callId + " " + direction + " from=" + CallerNumbers.masked(from)
                + " to=" + CallerNumbers.masked(to) + " queue=" + queue + " users=" + users + " answeringNumber="
                + answeringNumber + " cause=" + cause + " at " + occurredAt + "]";
    }
}
