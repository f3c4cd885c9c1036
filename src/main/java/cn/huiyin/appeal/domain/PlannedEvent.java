package cn.huiyin.appeal.domain;

/** An event ready to append: its content, who may see it, and its place in the appeal's hash chain. */
public record PlannedEvent(ChainEntry entry, Visibility visibility, byte[] previousHash, byte[] hash) {

    public enum Visibility {
        /** shown to the enterprise in its timeline */
        PUBLIC,
        /** staff only */
        INTERNAL
    }

    /** Chains {@code entry} after an event whose hash is {@code previousHash}. */
    public static PlannedEvent after(byte[] previousHash, ChainEntry entry, Visibility visibility) {
        return new PlannedEvent(entry, visibility, previousHash, EventChain.hash(previousHash, entry));
    }
}
