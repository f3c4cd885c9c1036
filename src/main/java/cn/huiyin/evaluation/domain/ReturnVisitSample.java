package cn.huiyin.evaluation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which replied rounds the district centre calls back besides every bad rating: a deterministic sample, so
 * the same appeal and round is always in or out (auditable, and the same on every replica).
 */
public final class ReturnVisitSample {

    private ReturnVisitSample() {
    }

    /** The round's bucket 0–99: the first four bytes of SHA-256("trackingNo:round"), modulo 100. */
    public static int bucket(String trackingNo, int round) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((trackingNo + ":" + round).getBytes(StandardCharsets.UTF_8));
            long first = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                    | (digest[3] & 0xffL);
            return (int) (first % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code percent} is a share the sample can take: 0 to 100. */
    public static boolean isPercent(int percent) {
        return percent >= 0 && percent <= 100;
    }

    /** In the sample when the bucket is below the percentage (0 samples nothing, 100 everything). */
    public static boolean sampled(String trackingNo, int round, int percent) {
        return bucket(trackingNo, round) < percent;
    }
}
