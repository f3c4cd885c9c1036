package cn.huiyin.appeal.domain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One event as read back from storage, with the hashes stored beside it. */
public record StoredLink(ChainEntry entry, byte[] previousHash, byte[] hash) {

    // arrays are mutable and compare by identity: copy them in and out, compare by content
    public StoredLink {
        Objects.requireNonNull(entry, "entry");
        previousHash = Objects.requireNonNull(previousHash, "previousHash").clone();
        hash = Objects.requireNonNull(hash, "hash").clone();
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredLink that
                && entry.equals(that.entry)
                && Arrays.equals(previousHash, that.previousHash)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entry, Arrays.hashCode(previousHash), Arrays.hashCode(hash));
    }

    @Override
    public String toString() {
        return "StoredLink[entry=" + entry
                + ", previousHash=" + HexFormat.of().formatHex(previousHash)
                + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
