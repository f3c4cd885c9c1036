package cn.huiyin.appeal.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Makes an appeal's event log tamper-evident: each event's hash covers its fields and the hash
 * of the event before it, so editing, deleting or reordering any event breaks the chain there.
 * The encoding below is frozen: changing it would break every chain already stored.
 */
public final class EventChain {

    public static final int HASH_LENGTH = 32;

    /** The "previous hash" of the first event. */
    public static final byte[] GENESIS = new byte[HASH_LENGTH];

    // private copy, so that a caller writing into the public array cannot change what we verify against
    private static final byte[] ZERO_HASH = new byte[HASH_LENGTH];

    private EventChain() {}

    public static byte[] hash(byte[] previousHash, ChainEntry e) {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(e, "e");
        if (previousHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("previous hash must be " + HASH_LENGTH + " bytes");
        }
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.write(previousHash);
            writeText(out, e.trackingNo());
            out.writeInt(e.seq());
            writeText(out, e.type());
            writeText(out, e.actor());
            writeInstant(out, e.occurredAt());
            writeText(out, e.reason());
            writeText(out, e.payloadJson());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return sha256().digest(bytes.toByteArray());
    }

    /** Checks links ordered by seq; the first problem found is reported. */
    public static ChainVerification verify(List<StoredLink> links) {
        Objects.requireNonNull(links, "links");
        byte[] expectedPrevious = ZERO_HASH;
        for (int i = 0; i < links.size(); i++) {
            StoredLink link = links.get(i);
            int expectedSeq = i + 1;
            int seq = link.entry().seq();
            if (seq != expectedSeq) {
                return ChainVerification.broken(expectedSeq,
                        "expected seq " + expectedSeq + " but found seq " + seq);
            }
            if (!MessageDigest.isEqual(link.previousHash(), expectedPrevious)) {
                return ChainVerification.broken(seq, seq == 1
                        ? "previous hash of seq 1 is not the genesis hash"
                        : "previous hash of seq " + seq + " does not match the hash of seq " + (seq - 1));
            }
            byte[] stored = link.hash();
            if (!MessageDigest.isEqual(stored, hash(expectedPrevious, link.entry()))) {
                return ChainVerification.broken(seq, "hash of seq " + seq + " does not match its content");
            }
            expectedPrevious = stored;
        }
        return ChainVerification.intactChain();
    }

    /**
     * Also checks the chain against the head recorded with the appeal (its event count and last
     * hash), which is the only way to notice events cut off the end.
     */
    public static ChainVerification verify(List<StoredLink> links, int expectedCount, byte[] expectedLastHash) {
        Objects.requireNonNull(expectedLastHash, "expectedLastHash");
        ChainVerification ofLinks = verify(links);
        if (!ofLinks.intact()) {
            return ofLinks;
        }
        if (links.size() < expectedCount) {
            return ChainVerification.broken(links.size() + 1,
                    "seq " + (links.size() + 1) + " is missing: the appeal records " + expectedCount + " events");
        }
        if (links.size() > expectedCount) {
            return ChainVerification.broken(expectedCount + 1,
                    "seq " + (expectedCount + 1) + " is beyond the " + expectedCount + " events the appeal records");
        }
        byte[] lastHash = links.isEmpty() ? ZERO_HASH : links.get(links.size() - 1).hash();
        if (!MessageDigest.isEqual(lastHash, expectedLastHash)) {
            return ChainVerification.broken(Math.max(expectedCount, 1),
                    "hash of seq " + expectedCount + " does not match the last hash the appeal records");
        }
        return ChainVerification.intactChain();
    }

    // null gets its own marker so that "no reason" and "empty reason" hash differently;
    // the length prefix keeps field boundaries unambiguous ("ab"+"c" differs from "a"+"bc")
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    // PostgreSQL keeps microseconds: hash what will survive a round trip through the database
    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        Instant stored = instant.truncatedTo(ChronoUnit.MICROS);
        out.writeLong(stored.getEpochSecond());
        out.writeInt(stored.getNano());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException mandatoryInEveryJava) {
            throw new IllegalStateException(mandatoryInEveryJava);
        }
    }
}
