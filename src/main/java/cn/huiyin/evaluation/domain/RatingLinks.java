package cn.huiyin.evaluation.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed rating links: {@code <trackingNo>-<round>-<expiresEpochSecond>-<mac>}, the mac an HMAC-SHA256 over
 * those three with a server secret (truncated to 128 bits). The link is bound to one appeal and one round and
 * expires; nothing about it is stored, so the database holds nothing that would let anyone rate.
 */
public final class RatingLinks {

    /** What a presented token turned out to be. */
    public sealed interface Check permits Valid, Expired, Forged {
    }

    public record Valid(String trackingNo, int round, Instant expiresAt) implements Check {
    }

    public record Expired(String trackingNo, int round) implements Check {
    }

    public record Forged() implements Check {
    }

    private static final Pattern SHAPE = Pattern.compile("(\\d{13})-(\\d{1,4})-(\\d{1,12})-([A-Za-z0-9_-]{22})");

    private static final Pattern CLAIMED = Pattern.compile("(\\d{13})-.*", Pattern.DOTALL);

    private final byte[] secret;

    public RatingLinks(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the rating-link secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(String trackingNo, int round, Instant expiresAt) {
        String body = trackingNo + "-" + round + "-" + expiresAt.getEpochSecond();
        return body + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /** Forged unless well-formed and correctly signed (constant-time); then expired or valid at {@code now}. */
    public Check check(String token, Instant now) {
        Matcher m = token == null ? null : SHAPE.matcher(token);
        if (m == null || !m.matches()) {
            return new Forged();
        }
        String body = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        byte[] presented = Base64.getUrlDecoder().decode(m.group(4));
        if (!MessageDigest.isEqual(mac(body), presented)) {
            return new Forged();
        }
        int round = Integer.parseInt(m.group(2));
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(m.group(3)));
        return now.isBefore(expiresAt) ? new Valid(m.group(1), round, expiresAt) : new Expired(m.group(1), round);
    }

    /**
     * The tracking number a token claims to be for, signed or not — what wrong guesses are counted against; null when
     * the token does not even start like a link.
     */
    public static String claimedTrackingNo(String token) {
        Matcher m = token == null ? null : CLAIMED.matcher(token);
        return m != null && m.matches() ? m.group(1) : null;
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            // the purpose is part of the signed text: a query code (same secret, other text) is no rating link
            return Arrays.copyOf(mac.doFinal(("rating-link:" + body).getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
