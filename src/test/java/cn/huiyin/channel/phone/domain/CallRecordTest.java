package cn.huiyin.channel.phone.domain;

import static cn.huiyin.channel.phone.domain.CallEvent.Type.ANSWER;
import static cn.huiyin.channel.phone.domain.CallEvent.Type.HANGUP;
import static cn.huiyin.channel.phone.domain.CallEvent.Type.NEW_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallRecordTest {

    private static final String CALL = "c-20260101-000001";
    private static final Instant RANG = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-01-01T00:00:12Z");
    private static final Instant HUNG_UP = Instant.parse("2026-01-01T00:03:42Z");

    private static final CallEvent NEW_CALL_IN = event(NEW_CALL, Direction.IN, RANG, List.of("王五", "赵六"), null, null);
    private static final CallEvent ANSWER_IN = event(ANSWER, Direction.IN, ANSWERED, List.of(), "8001", null);
    private static final CallEvent HANGUP_IN =
            event(HANGUP, Direction.IN, HUNG_UP, List.of(), "8001", HangupCause.NORMAL_CLEARING);

    private static final CallRecord ANSWERED_CALL = new CallRecord(CALL, "13800138000", "12345", Direction.IN,
            "enterprise-appeal", "8001", RANG, ANSWERED, HUNG_UP, "normalClearing");

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOrderOfNewCallAnswerHangup")
    void everyArrivalOrderOfTheThreeEventsGivesTheSameRecord(String order, List<CallEvent> events) {
        assertThat(applyAll(events)).isEqualTo(ANSWERED_CALL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOrderOfNewCallAnswerHangup")
    void everyEventDeliveredTwiceChangesNothing(String order, List<CallEvent> events) {
        List<CallEvent> twice = new ArrayList<>(events);
        twice.addAll(events);

        assertThat(applyAll(twice)).isEqualTo(ANSWERED_CALL);
    }

    @Test
    void applyingTheSameEventAgainGivesAnEqualRecord() {
        CallRecord once = CallRecord.empty(CALL).apply(NEW_CALL_IN);

        assertThat(once.apply(NEW_CALL_IN)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOrderOfConflictingDeliveries")
    void evenContradictoryRepeatsGiveOneRecordWhateverTheOrder(String order, List<CallEvent> events) {
        // a retried newCall stamped later, and a second hangup with another cause: earliest time wins, and
        // of two different causes the alphabetically first, so that order never matters
        assertThat(applyAll(events)).isEqualTo(new CallRecord(CALL, "13800138000", "12345", Direction.IN,
                "enterprise-appeal", null, RANG, null, HUNG_UP, "cancel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missedOrNot")
    void aCallIsMissedOnlyWhenAnInboundCallEndedUnanswered(String scenario, List<CallEvent> events, boolean missed) {
        assertThat(applyAll(events).missed()).isEqualTo(missed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void waitingAndTalkTimeAreKnownOnceTheirEndsAre(String scenario, List<CallEvent> events, Duration waiting,
            Duration talk) {
        CallRecord call = applyAll(events);

        assertThat(call.waiting()).isEqualTo(waiting);
        assertThat(call.talk()).isEqualTo(talk);
    }

    @Test
    void aCallNothingIsKnownAboutHasNoDurationsAndIsNotMissed() {
        CallRecord nothing = CallRecord.empty(CALL);

        assertThat(nothing.waiting()).isNull();
        assertThat(nothing.talk()).isNull();
        assertThat(nothing.missed()).isFalse();
    }

    @Test
    void anAnswerStampedBeforeItsNewCallGivesZeroWaitingNotANegativeOne() {
        CallEvent earlyAnswer = event(ANSWER, Direction.IN, RANG.minusSeconds(2), List.of(), "8001", null);

        assertThat(applyAll(List.of(NEW_CALL_IN, earlyAnswer)).waiting()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theAgentOfAnInboundCallIsWhoAnsweredNotThePhonesThatRang() {
        CallRecord rung = CallRecord.empty(CALL).apply(NEW_CALL_IN);

        assertThat(rung.agent()).isNull();
        assertThat(rung.apply(ANSWER_IN).agent()).isEqualTo("8001");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agents")
    void theAgentIsTakenFromTheEventThatNamesIt(String scenario, CallEvent event, String agent) {
        assertThat(event.agent()).isEqualTo(agent);
    }

    @Test
    void anEventOfAnotherCallIsRefused() {
        CallEvent other = new CallEvent(NEW_CALL, "c-other", Direction.IN, "13800138000", "12345", null, null, null,
                null, RANG);

        assertThatThrownBy(() -> CallRecord.empty(CALL).apply(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAHangupCanCarryACause() {
        assertThatThrownBy(() -> event(ANSWER, Direction.IN, ANSWERED, List.of(), null, HangupCause.BUSY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callerNumbersAreMaskedWhenARecordOrEventIsLogged() {
        assertThat(ANSWERED_CALL.toString()).contains("138****8000").doesNotContain("13800138000");
        assertThat(NEW_CALL_IN.toString()).contains("138****8000").doesNotContain("13800138000");
    }

    static Stream<Arguments> everyOrderOfNewCallAnswerHangup() {
        return permutations(List.of(NEW_CALL_IN, ANSWER_IN, HANGUP_IN)).stream()
                .map(order -> arguments(names(order), order));
    }

    static Stream<Arguments> everyOrderOfConflictingDeliveries() {
        CallEvent retriedNewCall = event(NEW_CALL, Direction.IN, RANG.plusSeconds(5), List.of(), null, null);
        CallEvent hangupNoAnswer = event(HANGUP, Direction.IN, HUNG_UP.plusSeconds(1), List.of(), null, HangupCause.NO_ANSWER);
        CallEvent hangupCancel = event(HANGUP, Direction.IN, HUNG_UP, List.of(), null, HangupCause.CANCEL);
        return permutations(List.of(NEW_CALL_IN, retriedNewCall, hangupNoAnswer, hangupCancel)).stream()
                .map(order -> arguments(names(order), order));
    }

    static Stream<Arguments> missedOrNot() {
        CallEvent newCallOut = event(NEW_CALL, Direction.OUT, RANG, List.of("王五"), null, null);
        CallEvent hangupOut = event(HANGUP, Direction.OUT, HUNG_UP, List.of(), null, HangupCause.NO_ANSWER);
        CallEvent cancelled = event(HANGUP, Direction.IN, HUNG_UP, List.of(), null, HangupCause.CANCEL);
        return Stream.of(
                arguments("inbound, caller gave up while ringing", List.of(NEW_CALL_IN, cancelled), true),
                arguments("inbound, hangup arrived alone", List.of(cancelled), true),
                arguments("inbound, answered then hung up", List.of(NEW_CALL_IN, ANSWER_IN, HANGUP_IN), false),
                arguments("inbound, answer arrived after the hangup", List.of(NEW_CALL_IN, cancelled, ANSWER_IN), false),
                arguments("inbound, still ringing", List.of(NEW_CALL_IN), false),
                arguments("inbound, answered and still talking", List.of(NEW_CALL_IN, ANSWER_IN), false),
                arguments("outbound call nobody picked up", List.of(newCallOut, hangupOut), false));
    }

    static Stream<Arguments> durations() {
        CallEvent cancelled = event(HANGUP, Direction.IN, RANG.plusSeconds(47), List.of(), null, HangupCause.CANCEL);
        return Stream.of(
                arguments("answered and ended", List.of(NEW_CALL_IN, ANSWER_IN, HANGUP_IN),
                        Duration.ofSeconds(12), Duration.ofSeconds(210)),
                arguments("missed: waited until the caller hung up", List.of(NEW_CALL_IN, cancelled),
                        Duration.ofSeconds(47), null),
                arguments("answered, still talking", List.of(NEW_CALL_IN, ANSWER_IN), Duration.ofSeconds(12), null),
                arguments("still ringing", List.of(NEW_CALL_IN), null, null),
                arguments("newCall lost, answer and hangup known", List.of(ANSWER_IN, HANGUP_IN),
                        null, Duration.ofSeconds(210)),
                arguments("only the hangup known", List.of(HANGUP_IN), null, null));
    }

    static Stream<Arguments> agents() {
        return Stream.of(
                arguments("inbound answer with answeringNumber and the ringing list",
                        event(ANSWER, Direction.IN, ANSWERED, List.of("Christopher Miller", "Emma Taylor"),
                                "emma@example.com", null), "emma@example.com"),
                arguments("inbound answer naming one user", event(ANSWER, Direction.IN, ANSWERED, List.of("Emma Taylor"),
                        null, null), "Emma Taylor"),
                arguments("inbound answer naming two users and no number", event(ANSWER, Direction.IN, ANSWERED,
                        List.of("Christopher Miller", "Emma Taylor"), null, null), null),
                arguments("inbound newCall ringing one user", event(NEW_CALL, Direction.IN, RANG, List.of("Emma Taylor"),
                        null, null), null),
                arguments("outbound newCall by one user", event(NEW_CALL, Direction.OUT, RANG,
                        List.of("Christopher Miller"), null, null), "Christopher Miller"),
                arguments("outbound answer by the far end", event(ANSWER, Direction.OUT, ANSWERED, List.of(),
                        "13800138000", null), null),
                arguments("inbound hangup", event(HANGUP, Direction.IN, HUNG_UP, List.of("Emma Taylor"),
                        "emma@example.com", HangupCause.NORMAL_CLEARING), null));
    }

    private static CallEvent event(CallEvent.Type type, Direction direction, Instant at, List<String> users,
            String answeringNumber, HangupCause cause) {
        return new CallEvent(type, CALL, direction, "13800138000", "12345", "enterprise-appeal", users,
                answeringNumber, cause, at);
    }

    private static CallRecord applyAll(List<CallEvent> events) {
        CallRecord call = CallRecord.empty(CALL);
        for (CallEvent event : events) {
            call = call.apply(event);
        }
        return call;
    }

    private static String names(List<CallEvent> events) {
        return String.join(" → ", events.stream().map(e -> e.type().wireName() + "@" + e.occurredAt()).toList());
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
