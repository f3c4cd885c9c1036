package cn.huiyin.channel.phone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.huiyin.channel.phone.domain.ZammadCtiPolicy.Invalid;
import cn.huiyin.channel.phone.domain.ZammadCtiPolicy.Result;
import cn.huiyin.channel.phone.domain.ZammadCtiPolicy.Valid;
import cn.huiyin.shared.domain.FieldViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZammadCtiPolicyTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Set<String> BLOCK_LIST = Set.of("138-0013-8000", "020-12345678", "anonymous");

    @Test
    void zammadsDocumentedInboundFormNewCallIsReadIntoAnEvent() {
        Map<String, List<String>> form = Map.of(
                "event", List.of("newCall"), "from", List.of("493023125741"), "to", List.of("492214710334"),
                "direction", List.of("in"), "callId", List.of("25641e3f-3317-4c48-80b3-fc573c7ffe2b"),
                "user[]", List.of("Christopher Miller", "Emma Taylor"));

        assertThat(ZammadCtiPolicy.check(form, RECEIVED)).isEqualTo(new Valid(new CallEvent(CallEvent.Type.NEW_CALL,
                "25641e3f-3317-4c48-80b3-fc573c7ffe2b", Direction.IN, "493023125741", "492214710334", null,
                List.of("Christopher Miller", "Emma Taylor"), null, null, RECEIVED)));
    }

    @Test
    void zammadsDocumentedInboundJsonHangupIsReadIntoAnEvent() {
        Map<String, List<String>> json = Map.of(
                "event", List.of("hangup"), "from", List.of("493023125741"), "to", List.of("492214710334"),
                "direction", List.of("in"), "callId", List.of("307fa962-de8d-4ffc-817b-7f6993204159"),
                "user", List.of("Emma Taylor"), "answeringNumber", List.of("emma@chrispresso.com"),
                "cause", List.of("normalClearing"));

        assertThat(ZammadCtiPolicy.check(json, RECEIVED)).isEqualTo(new Valid(new CallEvent(CallEvent.Type.HANGUP,
                "307fa962-de8d-4ffc-817b-7f6993204159", Direction.IN, "493023125741", "492214710334", null,
                List.of("Emma Taylor"), "emma@chrispresso.com", HangupCause.NORMAL_CLEARING, RECEIVED)));
    }

    @Test
    void anAnswerNeedsNeitherNumbersNorUsers() {
        Result result = ZammadCtiPolicy.check(fields("event", "answer", "callId", "1767225600.42", "direction", "out"),
                RECEIVED);

        assertThat(result).isEqualTo(new Valid(new CallEvent(CallEvent.Type.ANSWER, "1767225600.42", Direction.OUT,
                null, null, null, List.of(), null, null, RECEIVED)));
    }

    @Test
    void emptyFormFieldsCountAsNotSentAndValuesAreTrimmed() {
        Result result = ZammadCtiPolicy.check(fields("event", "newCall", "callId", " c-1 ", "direction", "in",
                "from", " 13800138000 ", "to", "12345", "queue", "", "user[]", "", "cause", "  "), RECEIVED);

        assertThat(result).isEqualTo(new Valid(new CallEvent(CallEvent.Type.NEW_CALL, "c-1", Direction.IN,
                "13800138000", "12345", null, List.of(), null, null, RECEIVED)));
    }

    @Test
    void usersSentAsUserAndAsUserArrayAreReadTogetherWithoutRepeats() {
        Map<String, List<String>> form = new LinkedHashMap<>(newCall());
        form.put("user[]", List.of("王五", "赵六"));
        form.put("user", List.of("赵六"));

        assertThat(ZammadCtiPolicy.check(form, RECEIVED)).isInstanceOfSatisfying(Valid.class,
                valid -> assertThat(valid.event().users()).containsExactly("王五", "赵六"));
    }

    @Test
    void theSameValueSentTwiceIsNotAmbiguous() {
        Map<String, List<String>> form = new LinkedHashMap<>(newCall());
        form.put("callId", List.of("c-1", "c-1"));

        assertThat(ZammadCtiPolicy.check(form, RECEIVED)).isInstanceOf(Valid.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenRuleEach")
    void eachRuleNamesTheFieldAndTheProblem(String scenario, Map<String, List<String>> body, String field, String code) {
        assertThat(ZammadCtiPolicy.check(body, RECEIVED)).isInstanceOfSatisfying(Invalid.class,
                invalid -> assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo(field);
                    assertThat(violation.code()).isEqualTo(code);
                    assertThat(violation.message()).isNotBlank();
                    assertThat(violation.messageZh()).isNotBlank();
                }));
    }

    @Test
    void anEmptyBodyNamesEventCallIdAndDirection() {
        assertThat(ZammadCtiPolicy.check(Map.of(), RECEIVED)).isInstanceOfSatisfying(Invalid.class,
                invalid -> assertThat(invalid.violations()).extracting(FieldViolation::code)
                        .containsExactly("event.required", "callId.required", "direction.invalid"));
    }

    @Test
    void aBodyWithSeveralProblemsGetsThemAllInFieldOrder() {
        Map<String, List<String>> body = fields("event", "newCall", "callId", "c 1", "direction", "inbound",
                "to", "1".repeat(33), "cause", "busy");

        assertThat(ZammadCtiPolicy.check(body, RECEIVED)).isInstanceOfSatisfying(Invalid.class,
                invalid -> assertThat(invalid.violations()).extracting(FieldViolation::code).containsExactly(
                        "callId.invalid", "direction.invalid", "from.required", "to.tooLong", "cause.invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgesThatAreStillFine")
    void valuesAtTheEdgeOfARuleAreAccepted(String scenario, Map<String, List<String>> body) {
        assertThat(ZammadCtiPolicy.check(body, RECEIVED)).isInstanceOf(Valid.class);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("sameNumberWrittenTwoWays")
    void aNumberOnTheBlockListIsRecognisedHoweverItIsWritten(String from, String entry) {
        assertThat(ZammadCtiPolicy.blocked(from, Set.of(entry))).isTrue();
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("differentNumbers")
    void aDifferentNumberIsNotBlocked(String from, String entry) {
        assertThat(ZammadCtiPolicy.blocked(from, Set.of(entry))).isFalse();
    }

    @Test
    void noCallerNumberOrNoBlockListBlocksNothing() {
        assertThat(ZammadCtiPolicy.blocked(null, BLOCK_LIST)).isFalse();
        assertThat(ZammadCtiPolicy.blocked(" ", BLOCK_LIST)).isFalse();
        assertThat(ZammadCtiPolicy.blocked("13800138000", Set.of())).isFalse();
        assertThat(ZammadCtiPolicy.blocked("13800138000", null)).isFalse();
        assertThat(ZammadCtiPolicy.blocked("13800138000", Set.of(" ", ""))).isFalse();
    }

    @Test
    void anAnonymousCallerCanBeBlockedByName() {
        assertThat(ZammadCtiPolicy.blocked("Anonymous", BLOCK_LIST)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("rejections")
    void onlyAnInboundNewCallFromABlockedNumberIsRejected(String event, String direction, boolean rejected) {
        Map<String, List<String>> body = fields("event", event, "callId", "c-1", "direction", direction,
                "from", "+86 138 0013 8000", "to", "12345");
        CallEvent parsed = ((Valid) ZammadCtiPolicy.check(body, RECEIVED)).event();

        assertThat(ZammadCtiPolicy.rejects(parsed, BLOCK_LIST)).isEqualTo(rejected);
    }

    static Stream<Arguments> oneBrokenRuleEach() {
        return Stream.of(
                arguments("no event", without(newCall(), "event"), "event", "event.required"),
                arguments("unknown event", with(newCall(), "event", "ringing"), "event", "event.invalid"),
                arguments("event in the wrong case", with(newCall(), "event", "NewCall"), "event", "event.invalid"),
                arguments("two different events", with(newCall(), "event", "newCall", "hangup"), "event",
                        "event.repeated"),
                arguments("no call id", without(newCall(), "callId"), "callId", "callId.required"),
                arguments("call id of 101", with(newCall(), "callId", "c".repeat(101)), "callId", "callId.tooLong"),
                arguments("call id with a space", with(newCall(), "callId", "c 1"), "callId", "callId.invalid"),
                arguments("call id with a NUL", with(newCall(), "callId", "c-1\u0000"), "callId", "callId.invalid"),
                arguments("call id with a unit separator at its end", with(newCall(), "callId", "c-1\u001f"), "callId",
                        "callId.invalid"),
                arguments("call id in Chinese", with(newCall(), "callId", "呼叫一"), "callId", "callId.invalid"),
                arguments("two different call ids", with(newCall(), "callId", "c-1", "c-2"), "callId",
                        "callId.repeated"),
                arguments("no direction", without(newCall(), "direction"), "direction", "direction.invalid"),
                arguments("direction in capitals", with(newCall(), "direction", "IN"), "direction", "direction.invalid"),
                arguments("direction spelt out", with(newCall(), "direction", "inbound"), "direction",
                        "direction.invalid"),
                arguments("two different directions", with(newCall(), "direction", "in", "out"), "direction",
                        "direction.repeated"),
                arguments("newCall without from", without(newCall(), "from"), "from", "from.required"),
                arguments("newCall without to", with(newCall(), "to", ""), "to", "to.required"),
                arguments("from of 33", with(newCall(), "from", "1".repeat(33)), "from", "from.tooLong"),
                arguments("to of 33 on a hangup", with(hangup(), "to", "1".repeat(33)), "to", "to.tooLong"),
                arguments("from with an escape", with(newCall(), "from", "138\u001b00138000"), "from", "from.control"),
                arguments("queue of 65", with(newCall(), "queue", "q".repeat(65)), "queue", "queue.tooLong"),
                arguments("a user of 65", with(newCall(), "user[]", "王五", "坐".repeat(65)), "user", "user.tooLong"),
                arguments("a user with a bell", with(newCall(), "user", "王五\u0007"), "user", "user.control"),
                arguments("answering number of 65", with(answer(), "answeringNumber", "8".repeat(65)),
                        "answeringNumber", "answeringNumber.tooLong"),
                arguments("unknown hangup cause", with(hangup(), "cause", "rejected"), "cause", "cause.invalid"),
                arguments("hangup cause in capitals", with(hangup(), "cause", "BUSY"), "cause", "cause.invalid"),
                arguments("cause on a newCall", with(newCall(), "cause", "busy"), "cause", "cause.invalid"),
                arguments("cause on an answer", with(answer(), "cause", "normalClearing"), "cause", "cause.invalid"));
    }

    static Stream<Arguments> edgesThatAreStillFine() {
        return Stream.of(
                arguments("call id of exactly 100", with(newCall(), "callId", "c".repeat(100))),
                arguments("call id with every kind of punctuation", with(newCall(), "callId", "a.b-c_d:e/f@g+h=i")),
                arguments("from of exactly 32", with(newCall(), "from", "1".repeat(32))),
                arguments("anonymous caller", with(newCall(), "from", "anonymous")),
                arguments("queue of exactly 64", with(newCall(), "queue", "q".repeat(64))),
                arguments("a user of exactly 64", with(newCall(), "user[]", "坐".repeat(64))),
                arguments("hangup without a cause", without(hangup(), "cause")),
                arguments("hangup without numbers", without(without(hangup(), "from"), "to")),
                arguments("unknown fields are ignored", with(newCall(), "callerIdName", "天河科技")),
                arguments("every documented cause", with(hangup(), "cause", "forwarded")));
    }

    static Stream<Arguments> sameNumberWrittenTwoWays() {
        return Stream.of(
                arguments("13800138000", "138-0013-8000"),
                arguments("+8613800138000", "13800138000"),
                arguments("008613800138000", "138 0013 8000"),
                arguments("8613800138000", "+86 138-0013-8000"),
                arguments("13800138000", "138\u30000013\u30008000"),
                arguments("02012345678", "020-12345678"),
                arguments("(020) 1234 5678", "020-12345678"),
                arguments("+862012345678", "020-12345678"),
                arguments("00862012345678", "020 1234 5678"),
                arguments("862012345678", "020-12345678"),
                arguments("+86 10 8888 6666", "010-88886666"),
                arguments("+86 020 12345678", "020-12345678"),
                arguments("+86 400 123 4567", "400-123-4567"),
                arguments("8612-3456", "86123456"),
                arguments("12345", "12345"));
    }

    static Stream<Arguments> differentNumbers() {
        return Stream.of(
                arguments("13800138001", "13800138000"),
                arguments("12345678", "020-12345678"),
                arguments("02012345678", "021-12345678"),
                arguments("4001234567", "04001234567"),
                arguments("+4913800138000", "13800138000"),
                arguments("86123456", "123456"));
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("newCall", "in", true),
                arguments("newCall", "out", false),
                arguments("answer", "in", false),
                arguments("hangup", "in", false));
    }

    private static Map<String, List<String>> newCall() {
        return fields("event", "newCall", "callId", "c-20260101-000001", "direction", "in", "from", "13800138000",
                "to", "12345", "queue", "enterprise-appeal", "user[]", "王五");
    }

    private static Map<String, List<String>> answer() {
        return fields("event", "answer", "callId", "c-20260101-000001", "direction", "in", "user", "王五",
                "answeringNumber", "8001");
    }

    private static Map<String, List<String>> hangup() {
        return fields("event", "hangup", "callId", "c-20260101-000001", "direction", "in", "from", "13800138000",
                "to", "12345", "cause", "cancel");
    }

    private static Map<String, List<String>> fields(String... namesAndValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return fields;
    }

    private static Map<String, List<String>> with(Map<String, List<String>> body, String field, String... values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(body);
        changed.put(field, List.of(values));
        return changed;
    }

    private static Map<String, List<String>> without(Map<String, List<String>> body, String field) {
        Map<String, List<String>> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
