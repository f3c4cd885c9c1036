package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventChainTest {

    private static final String TRACKING_NO = "2611250042175";
    private static final Instant T0 = Instant.parse("2026-11-25T01:02:03.123456789Z");

    /** Five events of one appeal, with hashes as they were written. */
    private final List<StoredLink> chain = chainOf(List.of(
            entry(1, "RECEIVED", "enterprise:914403001922038216", T0, null, "{\"title\":\"停电\"}"),
            entry(2, "DISPATCHED", "dispatcher:李四", T0.plusSeconds(60), "按目录派单", "{\"unit\":\"WATER\"}"),
            entry(3, "ACCEPTED", "commissioner:王五", T0.plusSeconds(600), "", "{}"),
            entry(4, "REPLIED", "commissioner:王五", T0.plusSeconds(7200), "已恢复供水", "{\"answer\":\"已处理\"}"),
            entry(5, "EVALUATED", "enterprise:914403001922038216", T0.plusSeconds(9000), null, "{\"score\":5}")));

    @Test
    void anUntouchedChainIsIntact() {
        assertThat(EventChain.verify(chain)).isEqualTo(ChainVerification.intactChain());
        assertThat(EventChain.verify(chain, 5, chain.get(4).hash()).intact()).isTrue();
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(EventChain.verify(List.of()).intact()).isTrue();
    }

    @ParameterizedTest(name = "{0} of seq {1}")
    @MethodSource("everyFieldOfEveryEntry")
    void editingAnyFieldOfAnyEntryIsDetectedAtThatEntry(String field, int seq, UnaryOperator<ChainEntry> edit) {
        List<StoredLink> tampered = new ArrayList<>(chain);
        StoredLink original = tampered.get(seq - 1);
        tampered.set(seq - 1, new StoredLink(edit.apply(original.entry()), original.previousHash(), original.hash()));

        assertThat(EventChain.verify(tampered))
                .isEqualTo(ChainVerification.broken(seq, "hash of seq " + seq + " does not match its content"));
    }

    @Test
    void deletingAMiddleEntryLeavesAGapInTheSequence() {
        List<StoredLink> tampered = new ArrayList<>(chain);
        tampered.remove(2);

        assertThat(EventChain.verify(tampered))
                .isEqualTo(ChainVerification.broken(3, "expected seq 3 but found seq 4"));
    }

    @Test
    void deletingAMiddleEntryAndRenumberingTheRestBreaksTheLinks() {
        List<StoredLink> tampered = new ArrayList<>(chain.subList(0, 2));
        for (StoredLink later : chain.subList(3, 5)) {
            tampered.add(new StoredLink(withSeq(later.entry(), later.entry().seq() - 1),
                    later.previousHash(), later.hash()));
        }

        assertThat(EventChain.verify(tampered)).isEqualTo(
                ChainVerification.broken(3, "previous hash of seq 3 does not match the hash of seq 2"));
    }

    @Test
    void swappingTwoEntriesIsDetectedWhereTheOrderBreaks() {
        List<StoredLink> tampered = new ArrayList<>(chain);
        Collections.swap(tampered, 1, 2);

        assertThat(EventChain.verify(tampered))
                .isEqualTo(ChainVerification.broken(2, "expected seq 2 but found seq 3"));
    }

    @Test
    void swappingTwoEntriesAndTheirSeqNumbersIsStillDetected() {
        List<StoredLink> tampered = new ArrayList<>(chain);
        StoredLink second = chain.get(1);
        StoredLink third = chain.get(2);
        tampered.set(1, new StoredLink(withSeq(third.entry(), 2), third.previousHash(), third.hash()));
        tampered.set(2, new StoredLink(withSeq(second.entry(), 3), second.previousHash(), second.hash()));

        assertThat(EventChain.verify(tampered)).isEqualTo(
                ChainVerification.broken(2, "previous hash of seq 2 does not match the hash of seq 1"));
    }

    @Test
    void replacingAStoredHashIsDetectedAtThatEntry() {
        List<StoredLink> tampered = new ArrayList<>(chain);
        StoredLink third = chain.get(2);
        byte[] forged = third.hash();
        forged[0] ^= 1;
        tampered.set(2, new StoredLink(third.entry(), third.previousHash(), forged));

        assertThat(EventChain.verify(tampered))
                .isEqualTo(ChainVerification.broken(3, "hash of seq 3 does not match its content"));
    }

    @Test
    void rehashingAnEditedEntryIsDetectedAtTheNextEntry() {
        List<StoredLink> tampered = new ArrayList<>(chain);
        StoredLink fourth = chain.get(3);
        ChainEntry softened = withReason(fourth.entry(), "企业表示满意");
        tampered.set(3, new StoredLink(softened, fourth.previousHash(), EventChain.hash(fourth.previousHash(), softened)));

        assertThat(EventChain.verify(tampered)).isEqualTo(
                ChainVerification.broken(5, "previous hash of seq 5 does not match the hash of seq 4"));
    }

    @Test
    void theFirstEntryMustFollowTheGenesisHash() {
        List<StoredLink> tampered = new ArrayList<>(chain);
        StoredLink first = chain.get(0);
        byte[] notGenesis = new byte[32];
        notGenesis[31] = 1;
        tampered.set(0, new StoredLink(first.entry(), notGenesis, EventChain.hash(notGenesis, first.entry())));

        assertThat(EventChain.verify(tampered))
                .isEqualTo(ChainVerification.broken(1, "previous hash of seq 1 is not the genesis hash"));
    }

    @Test
    void cuttingEventsOffTheEndIsOnlyVisibleAgainstTheHeadTheAppealRecords() {
        List<StoredLink> truncated = chain.subList(0, 4);

        assertThat(EventChain.verify(truncated).intact()).isTrue();
        assertThat(EventChain.verify(truncated, 5, chain.get(4).hash())).isEqualTo(
                ChainVerification.broken(5, "seq 5 is missing: the appeal records 5 events"));
    }

    @Test
    void rewritingTheWholeTailIsCaughtByTheRecordedLastHash() {
        List<StoredLink> rewritten = new ArrayList<>(chain.subList(0, 3));
        List<ChainEntry> newTail = List.of(withReason(chain.get(3).entry(), "另行答复"), chain.get(4).entry());
        byte[] previous = rewritten.get(2).hash();
        for (ChainEntry entry : newTail) {
            byte[] hash = EventChain.hash(previous, entry);
            rewritten.add(new StoredLink(entry, previous, hash));
            previous = hash;
        }

        assertThat(EventChain.verify(rewritten).intact()).isTrue();
        assertThat(EventChain.verify(rewritten, 5, chain.get(4).hash())).isEqualTo(ChainVerification.broken(5,
                "hash of seq 5 does not match the last hash the appeal records"));
    }

    @Test
    void extraEventsBeyondTheRecordedCountAreReported() {
        assertThat(EventChain.verify(chain, 4, chain.get(3).hash())).isEqualTo(
                ChainVerification.broken(5, "seq 5 is beyond the 4 events the appeal records"));
    }

    @Test
    void timeIsHashedToTheMicrosecondBecauseThatIsWhatTheDatabaseKeeps() {
        ChainEntry written = entry(1, "RECEIVED", "system", T0, null, "{}");
        ChainEntry readBack = entry(1, "RECEIVED", "system", T0.truncatedTo(ChronoUnit.MICROS), null, "{}");
        ChainEntry aMicrosecondLater = entry(1, "RECEIVED", "system", T0.plus(1, ChronoUnit.MICROS), null, "{}");

        assertThat(EventChain.hash(EventChain.GENESIS, written))
                .isEqualTo(EventChain.hash(EventChain.GENESIS, readBack))
                .isNotEqualTo(EventChain.hash(EventChain.GENESIS, aMicrosecondLater));
    }

    @Test
    void noReasonAndAnEmptyReasonHashDifferently() {
        assertThat(EventChain.hash(EventChain.GENESIS, entry(1, "X", "a", T0, null, "{}")))
                .isNotEqualTo(EventChain.hash(EventChain.GENESIS, entry(1, "X", "a", T0, "", "{}")));
    }

    @Test
    void movingCharactersAcrossAFieldBoundaryChangesTheHash() {
        assertThat(EventChain.hash(EventChain.GENESIS, entry(1, "ab", "c", T0, null, "{}")))
                .isNotEqualTo(EventChain.hash(EventChain.GENESIS, entry(1, "a", "bc", T0, null, "{}")));
    }

    @Test
    void theHashFormatIsFrozen() {
        // computed independently (Python hashlib) from the documented encoding; stored chains depend on it
        ChainEntry first = new ChainEntry(TRACKING_NO, 1, "RECEIVED", "enterprise:914403001922038216",
                Instant.parse("2026-11-25T01:02:03.123456789Z"), null, "{\"title\":\"停电\",\"channel\":\"WEB\"}");
        byte[] firstHash = EventChain.hash(EventChain.GENESIS, first);
        ChainEntry second = new ChainEntry(TRACKING_NO, 2, "DISPATCHED", "dispatcher:李四",
                Instant.parse("2026-11-25T01:03:03Z"), "按目录派单", "{\"unit\":\"WATER\"}");

        assertThat(HexFormat.of().formatHex(firstHash))
                .isEqualTo("fce95a4ad8ff16631a26095f4c029b40b9ec585b94bf95c515c1e7ea7da05115");
        assertThat(HexFormat.of().formatHex(EventChain.hash(firstHash, second)))
                .isEqualTo("fe433a4650a7ec69a29044e2528568393b375cec79950193ec154ea6000f22f1");
    }

    @Test
    void thePreviousHashMustBeAFullSha256() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventChain.hash(new byte[31], entry(1, "X", "a", T0, null, "{}")));
    }

    @Test
    void aStoredLinkCannotBeChangedThroughTheArraysItWasBuiltFrom() {
        byte[] hash = chain.get(0).hash();
        StoredLink link = new StoredLink(chain.get(0).entry(), EventChain.GENESIS, hash);
        hash[0] ^= 1;
        link.hash()[1] ^= 1;

        assertThat(link).isEqualTo(chain.get(0));
    }

    static Stream<Arguments> everyFieldOfEveryEntry() {
        return IntStream.rangeClosed(1, 5).boxed().flatMap(seq -> Stream.of(
                Arguments.of("trackingNo", seq, (UnaryOperator<ChainEntry>) e -> new ChainEntry("2611250042199",
                        e.seq(), e.type(), e.actor(), e.occurredAt(), e.reason(), e.payloadJson())),
                Arguments.of("type", seq, (UnaryOperator<ChainEntry>) e -> new ChainEntry(e.trackingNo(),
                        e.seq(), e.type() + "X", e.actor(), e.occurredAt(), e.reason(), e.payloadJson())),
                Arguments.of("actor", seq, (UnaryOperator<ChainEntry>) e -> new ChainEntry(e.trackingNo(),
                        e.seq(), e.type(), "someone-else", e.occurredAt(), e.reason(), e.payloadJson())),
                Arguments.of("time", seq, (UnaryOperator<ChainEntry>) e -> new ChainEntry(e.trackingNo(),
                        e.seq(), e.type(), e.actor(), e.occurredAt().minusSeconds(3600), e.reason(), e.payloadJson())),
                Arguments.of("reason", seq, (UnaryOperator<ChainEntry>) e -> withReason(e,
                        e.reason() == null ? "" : null)),
                Arguments.of("payload", seq, (UnaryOperator<ChainEntry>) e -> new ChainEntry(e.trackingNo(),
                        e.seq(), e.type(), e.actor(), e.occurredAt(), e.reason(), e.payloadJson() + " "))));
    }

    private static ChainEntry entry(int seq, String type, String actor, Instant at, String reason, String payload) {
        return new ChainEntry(TRACKING_NO, seq, type, actor, at, reason, payload);
    }

    private static ChainEntry withSeq(ChainEntry e, int seq) {
        return new ChainEntry(e.trackingNo(), seq, e.type(), e.actor(), e.occurredAt(), e.reason(), e.payloadJson());
    }

    private static ChainEntry withReason(ChainEntry e, String reason) {
        return new ChainEntry(e.trackingNo(), e.seq(), e.type(), e.actor(), e.occurredAt(), reason, e.payloadJson());
    }

    private static List<StoredLink> chainOf(List<ChainEntry> entries) {
        List<StoredLink> links = new ArrayList<>();
        byte[] previous = EventChain.GENESIS;
        for (ChainEntry entry : entries) {
            byte[] hash = EventChain.hash(previous, entry);
            links.add(new StoredLink(entry, previous, hash));
            previous = hash;
        }
        return List.copyOf(links);
    }
}
