package cn.huiyin.channel.phone.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.huiyin.channel.phone.domain.SignatureVerifier.Accepted;
import cn.huiyin.channel.phone.domain.SignatureVerifier.Reason;
import cn.huiyin.channel.phone.domain.SignatureVerifier.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {

    // the published known-answer vector (docs/CHANNELS.md, "Phone — CTI push")
    private static final String SECRET = "cti-demo-secret-0001";
    private static final String TIMESTAMP = "1767225600";
    private static final byte[] BODY = ("{\"eventId\":\"evt-0001\",\"event\":\"newCall\",\"callId\":\"c-20260101-000001\","
            + "\"direction\":\"in\",\"from\":\"13800138000\",\"to\":\"12345\",\"queue\":\"enterprise-appeal\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}").getBytes(UTF_8);
    private static final String SIGNATURE = "sha256=0e2daa302deb8e9c1d4731d08343d5210e2300e2977785d80e67bf7f1ba1201d";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_767_225_600L);

    private final SignatureVerifier verifier =
            new SignatureVerifier(Map.of("demo", SECRET), SignatureVerifier.DEFAULT_TOLERANCE);

    @Test
    void signingTheKnownAnswerVectorGivesThePublishedSignature() {
        assertThat(SignatureVerifier.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void theKnownAnswerVectorIsAcceptedAtTheMomentItWasSigned() {
        assertThat(verifier.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT)).isEqualTo(new Accepted());
    }

    @ParameterizedTest(name = "{0} s off")
    @ValueSource(longs = {-300, -299, -1, 1, 299, 300})
    void aClockUpToFiveMinutesOffEitherWayIsTolerated(long offsetSeconds) {
        assertThat(verifier.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(offsetSeconds)).accepted())
                .isTrue();
    }

    @ParameterizedTest(name = "{0} ms off")
    @ValueSource(longs = {-301_000, -300_001, 300_001, 301_000, 86_400_000})
    void aRequestMoreThanFiveMinutesOffEitherWayIsStale(long offsetMillis) {
        assertThat(verifier.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusMillis(offsetMillis)))
                .isEqualTo(new Rejected(Reason.STALE));
    }

    @ParameterizedTest(name = "byte {0} flipped")
    @ValueSource(ints = {0, 1, 100, 183})
    void aBodyWithOneFlippedByteIsRejected(int index) {
        byte[] tampered = BODY.clone();
        tampered[index] ^= 0x01;

        assertThat(verifier.verify("demo", TIMESTAMP, SIGNATURE, tampered, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void theSameJsonWithDifferentSpacingIsRejectedBecauseTheBytesAreWhatIsSigned() {
        byte[] reformatted = new String(BODY, UTF_8).replace(",\"", ", \"").getBytes(UTF_8);

        assertThat(verifier.verify("demo", TIMESTAMP, SIGNATURE, reformatted, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void aSignatureCannotBeMovedToAnotherTimestamp() {
        assertThat(verifier.verify("demo", "1767225601", SIGNATURE, BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void anUnknownKeyIdIsRejected() {
        assertThat(verifier.verify("demo-2", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.UNKNOWN_KEY));
    }

    @Test
    void duringRotationBothTheOldAndTheNewKeyAreAccepted() {
        String newSecret = "cti-demo-secret-0002";
        SignatureVerifier rotating = new SignatureVerifier(Map.of("2025", SECRET, "2026", newSecret),
                Duration.ofSeconds(300));
        String newSignature = SignatureVerifier.sign(newSecret, TIMESTAMP, BODY);

        assertThat(rotating.verify("2025", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT).accepted()).isTrue();
        assertThat(rotating.verify("2026", TIMESTAMP, newSignature, BODY, SIGNED_AT).accepted()).isTrue();
    }

    @Test
    void aSignatureMadeWithTheNewSecretButLabelledWithTheOldKeyIdIsRejected() {
        SignatureVerifier rotating = new SignatureVerifier(Map.of("2025", SECRET, "2026", "cti-demo-secret-0002"),
                Duration.ofSeconds(300));

        assertThat(rotating.verify("2025", TIMESTAMP, SignatureVerifier.sign("cti-demo-secret-0002", TIMESTAMP, BODY),
                BODY, SIGNED_AT)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void upperCaseHexIsAcceptedBecauseTheDecodedBytesAreWhatIsCompared() {
        String upper = "sha256=0E2DAA302DEB8E9C1D4731D08343D5210E2300E2977785D80E67BF7F1BA1201D";

        assertThat(verifier.verify("demo", TIMESTAMP, upper, BODY, SIGNED_AT).accepted()).isTrue();
    }

    @Test
    void surroundingWhitespaceInHeaderValuesIsNotPartOfTheValue() {
        assertThat(verifier.verify(" demo ", " 1767225600 ", SIGNATURE + " ", BODY, SIGNED_AT).accepted()).isTrue();
    }

    @Test
    void aBodyThatIsNotValidUtf8IsSignedAndVerifiedAsBytes() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3};
        String signature = SignatureVerifier.sign(SECRET, TIMESTAMP, binary);

        assertThat(verifier.verify("demo", TIMESTAMP, signature, binary, SIGNED_AT).accepted()).isTrue();
        assertThat(verifier.verify("demo", TIMESTAMP, signature, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc4},
                SIGNED_AT)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void anEmptyBodyCanBeSigned() {
        String signature = SignatureVerifier.sign(SECRET, TIMESTAMP, new byte[0]);

        assertThat(verifier.verify("demo", TIMESTAMP, signature, new byte[0], SIGNED_AT).accepted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingHeaders")
    void aMissingOrBlankHeaderIsRejectedBeforeAnythingElse(String scenario, String keyId, String timestamp,
            String signature) {
        assertThat(verifier.verify(keyId, timestamp, signature, BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.MISSING_HEADER));
    }

    @ParameterizedTest(name = "timestamp \"{0}\"")
    @ValueSource(strings = {"abc", "1767225600.0", "1767225600.5", "1.7672256E9", "+1767225600", "1767 225600",
            "0x6955b900", "١٧٦٧٢٢٥٦٠٠", "１７６７２２５６００", "99999999999999999999", "2026-01-01T00:00:00Z"})
    void aTimestampThatIsNotWholeUnixSecondsIsRejected(String timestamp) {
        assertThat(verifier.verify("demo", timestamp, SIGNATURE, BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.BAD_TIMESTAMP));
    }

    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {"1767225600000", "0", "-1767225600", "999999999999999999", "-999999999999999999"})
    void aWholeNumberFarFromNowIsStaleNotMalformed(String timestamp) {
        assertThat(verifier.verify("demo", timestamp, SIGNATURE, BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.STALE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSignatures")
    void aMalformedSignatureHeaderIsABadSignature(String scenario, String header) {
        assertThat(verifier.verify("demo", TIMESTAMP, header, BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void anUnknownKeyIsReportedBeforeABadTimestamp() {
        assertThat(verifier.verify("nobody", "abc", "sha256=00", BODY, SIGNED_AT))
                .isEqualTo(new Rejected(Reason.UNKNOWN_KEY));
    }

    @Test
    void anOldReplayedRequestIsReportedAsStaleEvenThoughItsSignatureIsGood() {
        assertThat(verifier.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plus(Duration.ofHours(1))))
                .isEqualTo(new Rejected(Reason.STALE));
    }

    @Test
    void aNarrowerToleranceIsHonoured() {
        SignatureVerifier strict = new SignatureVerifier(Map.of("demo", SECRET), Duration.ofSeconds(30));

        assertThat(strict.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(30)).accepted()).isTrue();
        assertThat(strict.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(31)))
                .isEqualTo(new Rejected(Reason.STALE));
    }

    @Test
    void aVerifierWithoutKeysOrWithABlankSecretOrNoWindowIsAConfigurationError() {
        assertThatThrownBy(() -> new SignatureVerifier(Map.of(), Duration.ofSeconds(300)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier(Map.of("demo", " "), Duration.ofSeconds(300)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier(Map.of("demo", SECRET), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier(Map.of("demo", SECRET), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void laterChangesToTheConfiguredMapDoNotReachTheVerifier() {
        Map<String, String> secrets = new java.util.HashMap<>(Map.of("demo", SECRET));
        SignatureVerifier copy = new SignatureVerifier(secrets, Duration.ofSeconds(300));
        secrets.clear();

        assertThat(copy.verify("demo", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT).accepted()).isTrue();
    }

    static Stream<Arguments> missingHeaders() {
        return Stream.of(
                arguments("no key id", null, TIMESTAMP, SIGNATURE),
                arguments("blank key id", "  ", TIMESTAMP, SIGNATURE),
                arguments("no timestamp", "demo", null, SIGNATURE),
                arguments("empty timestamp", "demo", "", SIGNATURE),
                arguments("no signature", "demo", TIMESTAMP, null),
                arguments("blank signature", "demo", TIMESTAMP, " "),
                arguments("nothing at all", null, null, null));
    }

    static Stream<Arguments> malformedSignatures() {
        String hex = SIGNATURE.substring("sha256=".length());
        return Stream.of(
                arguments("bare hex without the prefix", hex),
                arguments("prefix in upper case", "SHA256=" + hex),
                arguments("another algorithm's prefix", "sha1=" + hex),
                arguments("prefix with a colon", "sha256:" + hex),
                arguments("space after the prefix", "sha256= " + hex),
                arguments("only the prefix", "sha256="),
                arguments("one hex digit short", SIGNATURE.substring(0, SIGNATURE.length() - 1)),
                arguments("one hex digit too many", SIGNATURE + "0"),
                arguments("twice as long", SIGNATURE + hex),
                arguments("a non-hex letter", SIGNATURE.substring(0, SIGNATURE.length() - 1) + "g"),
                arguments("the right bytes in base64", "sha256=Di2qMC3rjpwdRzHQg0PVIQ4jAOKXd4XYDme/fxuhIB0="),
                arguments("last digit wrong", SIGNATURE.substring(0, SIGNATURE.length() - 1) + "c"),
                arguments("all zeros", "sha256=" + "0".repeat(64)));
    }
}
