package cn.huiyin.channel.wechat.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * WeChat's callback signatures: SHA-1 over the parts sorted as strings and joined with no separator.
 * The URL check signs {@code token, timestamp, nonce}; a safe-mode push signs the ciphertext as well.
 */
public final class WechatSignature {

    // Either case: WeChat sends lower case, but hex case carries no information and what is compared
    // is the 20 decoded bytes, so accepting upper case widens nothing for an attacker.
    private static final Pattern HEX_SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    private WechatSignature() {}

    /** The {@code signature} query parameter of the URL check and of every push. */
    public static String urlSignature(String token, String timestamp, String nonce) {
        return sign(token, timestamp, nonce);
    }

    /** The {@code msg_signature} of a safe-mode push, and the {@code MsgSignature} of an encrypted reply. */
    public static String messageSignature(String token, String timestamp, String nonce, String encrypt) {
        return sign(token, timestamp, nonce, encrypt);
    }

    /** Whether {@code given} (as received; null when absent) has a signature's shape: 40 hex digits. */
    public static boolean isWellFormed(String given) {
        return given != null && HEX_SHA1.matcher(given).matches();
    }

    /** Whether {@code given} (as received; null when absent) is the signature {@code expected}. */
    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        // the shape is no secret; only the comparison of the bytes has to take constant time
        return HEX_SHA1.matcher(expected).matches()
                && HEX_SHA1.matcher(given).matches()
                && MessageDigest.isEqual(HexFormat.of().parseHex(expected), HexFormat.of().parseHex(given));
    }

    private static String sign(String... parts) {
        for (String part : parts) {
            Objects.requireNonNull(part, "signature part");
        }
        String[] sorted = parts.clone();
        Arrays.sort(sorted); // String order, as Tencent's samples sort: UTF-16 code units, not locale
        return HexFormat.of().formatHex(sha1(String.join("", sorted)));
    }

    private static byte[] sha1(String joined) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
