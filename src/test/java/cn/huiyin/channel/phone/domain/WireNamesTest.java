package cn.huiyin.channel.phone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WireNamesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("causes")
    void eachZammadHangupCauseIsReadByItsExactName(String wire, HangupCause cause) {
        assertThat(HangupCause.parse(wire)).contains(cause);
        assertThat(cause.wireName()).isEqualTo(wire);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"NORMAL_CLEARING", "normalclearing", "NormalClearing", "no_answer", "noanswer", "rejected",
            " busy"})
    void anythingElseIsNotAHangupCause(String wire) {
        assertThat(HangupCause.parse(wire)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"IN", "Out", "inbound", "incoming", "i", "o", "both", "IN ", "0", "1"})
    void onlyLowerCaseInAndOutAreDirections(String wire) {
        assertThat(Direction.parse(wire)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("directions")
    void inAndOutAreDirections(String wire, Direction direction) {
        assertThat(Direction.parse(wire)).contains(direction);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("types")
    void theThreeZammadEventsAreReadByTheirExactNames(String wire, CallEvent.Type type) {
        assertThat(CallEvent.Type.parse(wire)).contains(type);
    }

    static Stream<Arguments> causes() {
        return Stream.of(
                arguments("normalClearing", HangupCause.NORMAL_CLEARING),
                arguments("busy", HangupCause.BUSY),
                arguments("cancel", HangupCause.CANCEL),
                arguments("noAnswer", HangupCause.NO_ANSWER),
                arguments("congestion", HangupCause.CONGESTION),
                arguments("notFound", HangupCause.NOT_FOUND),
                arguments("forwarded", HangupCause.FORWARDED));
    }

    static Stream<Arguments> directions() {
        return Stream.of(arguments("in", Direction.IN), arguments("out", Direction.OUT));
    }

    static Stream<Arguments> types() {
        return Stream.of(
                arguments("newCall", CallEvent.Type.NEW_CALL),
                arguments("answer", CallEvent.Type.ANSWER),
                arguments("hangup", CallEvent.Type.HANGUP));
    }
}
