package cn.huiyin.appeal.domain;

import java.util.Objects;

/** The outcome of checking an event chain: intact, or the first seq at which it breaks and why. */
public record ChainVerification(boolean intact, Integer firstBrokenSeq, String problem) {

    public ChainVerification {
        if (intact && (firstBrokenSeq != null || problem != null)) {
            throw new IllegalArgumentException("an intact chain has no broken seq or problem");
        }
        if (!intact) {
            Objects.requireNonNull(firstBrokenSeq, "firstBrokenSeq");
            Objects.requireNonNull(problem, "problem");
        }
    }

    // named intactChain(), not intact(): a record cannot have a static method with its accessor's name
    public static ChainVerification intactChain() {
        return new ChainVerification(true, null, null);
    }

    public static ChainVerification broken(int seq, String problem) {
        return new ChainVerification(false, seq, problem);
    }
}
