package cn.huiyin.channel.phone.domain;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.Text;

import cn.huiyin.shared.domain.FieldViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Zammad Generic CTI event must satisfy, so that PBX connectors written for Zammad work unchanged.
 * The adapter flattens a JSON or form body to field → values ({@code user[]} may repeat). Every wrong field
 * is reported (at most one violation each); a {@code direction.*} violation is answered 422, as Zammad does.
 */
public final class ZammadCtiPolicy {

    static final int CALL_ID_MAX = 100;
    static final int NUMBER_MAX = 32;
    // queue, user and answeringNumber end up in the call log's 64-character columns
    static final int NAME_MAX = 64;

    static final FieldLabel EVENT = new FieldLabel("event", "Event", "事件类型");
    static final FieldLabel CALL_ID = new FieldLabel("callId", "Call id", "呼叫标识");
    static final FieldLabel DIRECTION = new FieldLabel("direction", "Direction", "呼叫方向");
    static final FieldLabel FROM = new FieldLabel("from", "Calling number", "主叫号码");
    static final FieldLabel TO = new FieldLabel("to", "Called number", "被叫号码");
    static final FieldLabel QUEUE = new FieldLabel("queue", "Queue", "队列");
    static final FieldLabel USER = new FieldLabel("user", "User", "坐席");
    static final FieldLabel ANSWERING_NUMBER = new FieldLabel("answeringNumber", "Answering number", "接听号码");
    static final FieldLabel CAUSE = new FieldLabel("cause", "Hangup cause", "挂机原因");

    /** Every field an event is read from, in the order they are reported; the rest of a body is ignored. */
    public static final List<String> FIELDS = List.of("event", "callId", "direction", "from", "to", "queue", "user",
            "user[]", "answeringNumber", "cause");
    /** The fields that may hold several values: an array in JSON, a repeated field in a form. */
    public static final Set<String> LIST_FIELDS = Set.of("user", "user[]");

    // call ids are machine identifiers that end up in logs and URLs: visible ASCII only
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[!-~]+");

    public sealed interface Result {}

    public record Valid(CallEvent event) implements Result {
        public Valid {
            Objects.requireNonNull(event, "event");
        }
    }

    public record Invalid(List<FieldViolation> violations) implements Result {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid event has at least one violation");
            }
        }
    }

    private ZammadCtiPolicy() {}

    /** {@code receivedAt} stands in for the event's time: Zammad's events carry none. */
    public static Result check(Map<String, List<String>> fields, Instant receivedAt) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(receivedAt, "receivedAt");
        FlatFields in = new FlatFields(fields);
        CallEvent.Type type = CallEvent.Type.parse(in.value(EVENT)).orElse(null);
        boolean newCall = type == CallEvent.Type.NEW_CALL;
        List<FieldViolation> violations = Stream.of(
                        in.check(EVENT, ZammadCtiPolicy::event),
                        in.check(CALL_ID, ZammadCtiPolicy::callId),
                        in.check(DIRECTION, ZammadCtiPolicy::direction),
                        in.check(FROM, raw -> FROM.text(raw, newCall, 1, NUMBER_MAX)),
                        in.check(TO, raw -> TO.text(raw, newCall, 1, NUMBER_MAX)),
                        in.check(QUEUE, raw -> QUEUE.text(raw, false, 1, NAME_MAX)),
                        in.rawValues(USER).stream().map(raw -> USER.text(raw, false, 1, NAME_MAX))
                                .flatMap(Optional::stream).findFirst(),
                        in.check(ANSWERING_NUMBER, raw -> ANSWERING_NUMBER.text(raw, false, 1, NAME_MAX)),
                        in.check(CAUSE, raw -> cause(raw, type)))
                .flatMap(Optional::stream)
                .toList();
        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        return new Valid(new CallEvent(type, in.value(CALL_ID), Direction.parse(in.value(DIRECTION)).orElseThrow(),
                in.value(FROM), in.value(TO), in.value(QUEUE), in.values(USER), in.value(ANSWERING_NUMBER),
                HangupCause.parse(in.value(CAUSE)).orElse(null), receivedAt));
    }

    /** Whether {@code from} is on the block list, however either of them writes the number. */
    public static boolean blocked(String from, Set<String> blockList) {
        if (Text.isAbsent(from) || blockList == null) {
            return false;
        }
        String caller = CallerNumbers.comparable(from);
        return blockList.stream()
                .filter(entry -> !Text.isAbsent(entry))
                .map(CallerNumbers::comparable)
                .anyMatch(caller::equalsIgnoreCase);
    }

    /** Whether to answer {"action":"reject","reason":"busy"}: only an inbound newCall can be turned away. */
    public static boolean rejects(CallEvent event, Set<String> blockList) {
        return event.type() == CallEvent.Type.NEW_CALL && event.direction() == Direction.IN
                && blocked(event.from(), blockList);
    }

    private static Optional<FieldViolation> event(String raw) {
        if (Text.isAbsent(raw)) {
            return Optional.of(EVENT.required());
        }
        return CallEvent.Type.parse(raw.strip()).isPresent()
                ? Optional.empty()
                : Optional.of(EVENT.violation("invalid", "Event must be newCall, answer or hangup",
                        "事件类型应为 newCall、answer 或 hangup"));
    }

    private static Optional<FieldViolation> callId(String raw) {
        if (Text.isAbsent(raw)) {
            return Optional.of(CALL_ID.required());
        }
        if (Text.hasControlCharacter(raw) || !PRINTABLE_ASCII.matcher(raw.strip()).matches()) {
            return Optional.of(CALL_ID.violation("invalid",
                    "Call id must be printable ASCII without spaces", "呼叫标识只能包含可见的ASCII字符"));
        }
        return raw.strip().length() > CALL_ID_MAX ? Optional.of(CALL_ID.tooLong(CALL_ID_MAX)) : Optional.empty();
    }

    // Zammad answers 422 "Invalid direction!" whenever direction is not exactly in or out, absent included
    private static Optional<FieldViolation> direction(String raw) {
        return raw != null && Direction.parse(raw.strip()).isPresent()
                ? Optional.empty()
                : Optional.of(DIRECTION.violation("invalid", "Direction must be in or out", "呼叫方向应为 in 或 out"));
    }

    private static Optional<FieldViolation> cause(String raw, CallEvent.Type type) {
        if (Text.isAbsent(raw)) {
            return Optional.empty();
        }
        if (type != null && type != CallEvent.Type.HANGUP) {
            return Optional.of(CAUSE.violation("invalid", "Only a hangup event has a cause", "只有挂机事件才有挂机原因"));
        }
        return HangupCause.parse(raw.strip()).isPresent()
                ? Optional.empty()
                : Optional.of(CAUSE.violation("invalid", "Hangup cause must be one of "
                                + "normalClearing, busy, cancel, noAnswer, congestion, notFound, forwarded",
                        "挂机原因不在约定的取值范围内"));
    }
}
