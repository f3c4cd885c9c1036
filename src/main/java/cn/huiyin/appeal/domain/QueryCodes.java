package cn.huiyin.appeal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The query code (查询码) lets someone who submitted without signing in look up their appeal. It is derived
 * from the tracking number with a server secret, so nothing needs storing and a retried submission gets
 * the same code. Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L).
 */
public final class QueryCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 8;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** A {@link Mac} is not thread-safe, and looking one up and keying it costs more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public QueryCodes(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the query-code secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String codeFor(String trackingNo) {
        byte[] mac = hmac(trackingNo);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((mac[i] & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** Constant-time check; case and surrounding spaces are forgiven. */
    public boolean matches(String trackingNo, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = codeFor(trackingNo).getBytes(StandardCharsets.US_ASCII);
        byte[] given = presented.strip().toUpperCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private byte[] hmac(String trackingNo) {
        return macs.get().doFinal(trackingNo.getBytes(StandardCharsets.UTF_8)); // doFinal leaves it ready for the next
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
