package cn.huiyin.channel.phone.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one call, merged from its events. PBXs deliver events twice and out of order, so
 * {@link #apply} is built to make the result independent of both: every field merges by a rule that is
 * commutative, associative and idempotent. {@code cause} is the {@link HangupCause} wire name.
 */
public record CallRecord(String callId, String from, String to, Direction direction, String queue, String agent,
        Instant newCallAt, Instant answeredAt, Instant hungUpAt, String cause) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
    }

    /** Before the first event: applying events to it in any order, any number of times, gives one record. */
    public static CallRecord empty(String callId) {
        return new CallRecord(callId, null, null, null, null, null, null, null, null, null);
    }

    public CallRecord apply(CallEvent e) {
        Objects.requireNonNull(e, "e");
        if (!callId.equals(e.callId())) {
            throw new IllegalArgumentException("event for call " + e.callId() + " applied to call " + callId);
        }
        return new CallRecord(callId,
                known(from, e.from()),
                known(to, e.to()),
                known(direction, e.direction()),
                known(queue, e.queue()),
                known(agent, e.agent()),
                e.type() == CallEvent.Type.NEW_CALL ? earliest(newCallAt, e.occurredAt()) : newCallAt,
                e.type() == CallEvent.Type.ANSWER ? earliest(answeredAt, e.occurredAt()) : answeredAt,
                e.type() == CallEvent.Type.HANGUP ? earliest(hungUpAt, e.occurredAt()) : hungUpAt,
                known(cause, e.cause() == null ? null : e.cause().wireName()));
    }

    /** An inbound call that ended without anyone answering: it becomes a call-back task. */
    public boolean missed() {
        return direction == Direction.IN && hungUpAt != null && answeredAt == null;
    }

    /** How long the caller waited: until answered, or until the call ended unanswered; null while unknown. */
    public Duration waiting() {
        Instant end = answeredAt != null ? answeredAt : hungUpAt;
        return newCallAt == null || end == null ? null : nonNegative(Duration.between(newCallAt, end));
    }

    /** How long the parties talked; null unless both answer and hangup are known. */
    public Duration talk() {
        return answeredAt == null || hungUpAt == null ? null : nonNegative(Duration.between(answeredAt, hungUpAt));
    }

    /** Numbers masked, so that a caller's number never reaches a log line by accident. */
    @Override
    public String toString() {
        return "CallRecord[" + callId + " " + direction + " from=" + CallerNumbers.masked(from) + " to="
                + CallerNumbers.masked(to) + " queue=" + queue + " agent=" + agent + " newCallAt=" + newCallAt
                + " answeredAt=" + answeredAt + " hungUpAt=" + hungUpAt + " cause=" + cause + "]";
    }

    // A value once known stays known. Two different values for one call should not happen; if a PBX sends
    // them anyway, the smaller wins, arbitrary but the same whatever order the events came in.
    private static <T extends Comparable<? super T>> T known(T current, T incoming) {
        if (current == null) {
            return incoming;
        }
        return incoming == null || current.compareTo(incoming) <= 0 ? current : incoming;
    }

    private static Instant earliest(Instant current, Instant incoming) {
        return known(current, incoming);
    }

    // events stamped on receipt can arrive in the wrong order; a negative duration means nothing to anyone
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
