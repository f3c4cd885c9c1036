package cn.huiyin.channel.phone.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a native phone event comes from a PBX holding one of our shared secrets, and is fresh.
 * It works on the raw body bytes before anything parses them: a parser never sees forged input, and
 * re-serialised JSON (other spacing, other key order) could never match what the PBX signed.
 */
public final class SignatureVerifier {

    public static final String KEY_ID_HEADER = "X-Appeal-Key-Id";
    public static final String TIMESTAMP_HEADER = "X-Appeal-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Appeal-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    // ASCII digits only: Long.parseLong would also take Arabic-Indic or full-width digits
    private static final Pattern UNIX_SECONDS = Pattern.compile("-?[0-9]{1,18}");
    // Either case: hex case carries no information, and common libraries (.NET's Convert.ToHexString)
    // write upper case. What is compared is the 32 decoded bytes, so this widens nothing for an attacker.
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** The outcome of one check. */
    public sealed interface Verdict {
        default boolean accepted() {
            return this instanceof Accepted;
        }
    }

    public record Accepted() implements Verdict {}

    /** {@code reason} is for logs and metrics; a client is best told only "401". */
    public record Rejected(Reason reason) implements Verdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** In the order they are checked: the first that applies is reported. */
    public enum Reason {
        MISSING_HEADER,
        UNKNOWN_KEY,
        BAD_TIMESTAMP,
        STALE,
        BAD_SIGNATURE
    }

    private final Map<String, String> secretsByKeyId;
    private final Duration tolerance;

    /** Several key ids may be active at once, so a secret can be replaced without a moment of downtime. */
    public SignatureVerifier(Map<String, String> secretsByKeyId, Duration tolerance) {
        Objects.requireNonNull(secretsByKeyId, "secretsByKeyId");
        Objects.requireNonNull(tolerance, "tolerance");
        if (secretsByKeyId.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        secretsByKeyId.forEach((keyId, secret) -> {
            if (isBlank(keyId) || isBlank(secret)) {
                throw new IllegalArgumentException("key ids and secrets must not be blank");
            }
        });
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
        }
        this.secretsByKeyId = Map.copyOf(secretsByKeyId);
        this.tolerance = tolerance;
    }

    /** Header values as received (null when absent); {@code now} from the injected clock. */
    public Verdict verify(String keyId, String timestamp, String signatureHeader, byte[] rawBody, Instant now) {
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(now, "now");
        if (isBlank(keyId) || isBlank(timestamp) || isBlank(signatureHeader)) {
            return new Rejected(Reason.MISSING_HEADER);
        }
        String secret = secretsByKeyId.get(keyId.strip());
        if (secret == null) {
            return new Rejected(Reason.UNKNOWN_KEY);
        }
        String seconds = timestamp.strip();
        if (!UNIX_SECONDS.matcher(seconds).matches()) {
            return new Rejected(Reason.BAD_TIMESTAMP);
        }
        // checked before the signature so that a replayed old request is named for what it is
        if (outsideWindow(Long.parseLong(seconds), now)) {
            return new Rejected(Reason.STALE);
        }
        return matches(signatureHeader.strip(), hmac(secret, seconds, rawBody))
                ? new Accepted()
                : new Rejected(Reason.BAD_SIGNATURE);
    }

    /** {@code sha256=<lower-case hex>} as the PBX must send it; for tests and the API docs. */
    public static String sign(String secret, String timestamp, byte[] rawBody) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rawBody, "rawBody");
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, rawBody));
    }

    private boolean outsideWindow(long epochSeconds, Instant now) {
        // long arithmetic, not Instant.ofEpochSecond: an 18-digit timestamp is beyond Instant's range
        Duration skew = Duration.ofSeconds(now.getEpochSecond() - epochSeconds, now.getNano()).abs();
        return skew.compareTo(tolerance) > 0;
    }

    private static boolean matches(String header, byte[] expected) {
        if (!header.startsWith(PREFIX)) {
            return false;
        }
        String hex = header.substring(PREFIX.length());
        // the shape is no secret; only the comparison of the bytes has to take constant time
        return HEX_SHA256.matcher(hex).matches() && MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex));
    }

    private static byte[] hmac(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe, so one per call
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
