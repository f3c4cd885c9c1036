package cn.huiyin.channel.wechat.domain;

import cn.huiyin.channel.wechat.domain.Decrypted.Failed;
import cn.huiyin.channel.wechat.domain.Decrypted.Ok;
import cn.huiyin.channel.wechat.domain.Decrypted.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe-mode message encryption for one account: AES-256-CBC, key = Base64(EncodingAESKey + "="),
 * IV = the key's first 16 bytes, plaintext = random16 ‖ uint32 BE length ‖ message ‖ appId, padded
 * PKCS#7-style to a multiple of 32 bytes. The key never appears in a message or in {@code toString}.
 */
public final class WechatCrypto {

    private static final int RANDOM_BYTES = 16;
    private static final int HEADER_BYTES = RANDOM_BYTES + Integer.BYTES;
    private static final int PAD_BLOCK = 32;
    private static final int AES_BLOCK = 16;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] appId;

    public WechatCrypto(String encodingAesKey, String appId) {
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(appId, "appId");
        if (appId.isBlank()) {
            throw new IllegalArgumentException("appId must not be blank");
        }
        byte[] raw = decodeKey(encodingAesKey);
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(raw, 0, AES_BLOCK);
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        Arrays.fill(raw, (byte) 0);
    }

    /** Encrypts with a fresh random prefix, as every real reply must. */
    public String encrypt(String plainXml) {
        StringBuilder random = new StringBuilder(RANDOM_BYTES);
        for (int i = 0; i < RANDOM_BYTES; i++) {
            random.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return encrypt(random.toString(), plainXml);
    }

    /** Encrypts with the given 16-byte prefix: for known-answer tests, never for replies. */
    public String encrypt(String random16, String plainXml) {
        Objects.requireNonNull(random16, "random16");
        Objects.requireNonNull(plainXml, "plainXml");
        byte[] random = random16.getBytes(StandardCharsets.UTF_8);
        if (random.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("the random prefix must be 16 bytes, not " + random.length);
        }
        byte[] message = plainXml.getBytes(StandardCharsets.UTF_8);
        int unpadded = HEADER_BYTES + message.length + appId.length;
        int pad = PAD_BLOCK - unpadded % PAD_BLOCK; // 1..32: a full block of 32 when already aligned
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad) // big-endian, as WeChat writes the length
                .put(random).putInt(message.length).put(message).put(appId);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /** Decrypts one {@code Encrypt} value. Verify {@code msg_signature} over it first. */
    public Decrypted decrypt(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return new Failed(Reason.NOT_BASE64);
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(base64); // strict: no whitespace, no URL alphabet
        } catch (IllegalArgumentException e) {
            return new Failed(Reason.NOT_BASE64);
        }
        // whole AES blocks, and at least one 32-byte block: the smallest real message fills one
        if (cipherText.length % AES_BLOCK != 0 || cipherText.length < PAD_BLOCK) {
            return new Failed(Reason.BAD_LENGTH);
        }
        return open(aes(Cipher.DECRYPT_MODE, cipherText));
    }

    private Decrypted open(byte[] plain) {
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PAD_BLOCK || !allEqual(plain, plain.length - pad, (byte) pad)) {
            return new Failed(Reason.BAD_PADDING);
        }
        int end = plain.length - pad;
        if (end < HEADER_BYTES) {
            return new Failed(Reason.BAD_MESSAGE_LENGTH);
        }
        // unsigned, in a long: a declared length of 2^31 or more must not turn negative and "fit"
        long declared = ByteBuffer.wrap(plain, RANDOM_BYTES, Integer.BYTES).getInt() & 0xffff_ffffL;
        if (declared > end - HEADER_BYTES) {
            return new Failed(Reason.BAD_MESSAGE_LENGTH);
        }
        int messageEnd = HEADER_BYTES + (int) declared;
        // WxJava skips this check; without it a message made for another account that shares our key
        // (copied configuration, a test account) would be taken as ours
        if (!MessageDigest.isEqual(appId, Arrays.copyOfRange(plain, messageEnd, end))) {
            return new Failed(Reason.WRONG_APP_ID);
        }
        return new Ok(new String(plain, HEADER_BYTES, (int) declared, StandardCharsets.UTF_8));
    }

    private static boolean allEqual(byte[] bytes, int from, byte value) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != value) {
                return false;
            }
        }
        return true;
    }

    private byte[] aes(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding"); // not thread-safe, so one per call
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides AES/CBC/NoPadding", e);
        }
    }

    /**
     * java.util.Base64 ignores the 2 trailing bits of the 43rd character. Real keys have them non-zero,
     * and some codecs (older commons-codec) reject such keys, so this must stay java.util.Base64.
     */
    private static byte[] decodeKey(String encodingAesKey) {
        if (encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("an EncodingAESKey has 43 characters, not " + encodingAesKey.length());
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            // not chained, and no value in the message: the key must not reach a log
            throw new IllegalArgumentException("the EncodingAESKey is not Base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("the EncodingAESKey must decode to 32 bytes, not " + raw.length);
        }
        return raw;
    }
}
