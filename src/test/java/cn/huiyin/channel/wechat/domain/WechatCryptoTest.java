package cn.huiyin.channel.wechat.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huiyin.channel.wechat.domain.Decrypted.Failed;
import cn.huiyin.channel.wechat.domain.Decrypted.Ok;
import cn.huiyin.channel.wechat.domain.Decrypted.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WechatCryptoTest {

    // Tencent's published sample (CHANNELS.md, "Known-answer vector for developers' tests")
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String MESSAGE = "我是中文abcd123";
    private static final String RANDOM = "aaaabbbbccccdddd";
    private static final String CIPHERTEXT =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    private final WechatCrypto crypto = new WechatCrypto(KEY, APP_ID);

    @Test
    void encryptingTheSampleWithItsRandomPrefixGivesThePublishedCiphertext() {
        assertThat(crypto.encrypt(RANDOM, MESSAGE)).isEqualTo(CIPHERTEXT);
    }

    @Test
    void decryptingThePublishedCiphertextGivesTheMessageBack() {
        assertThat(crypto.decrypt(CIPHERTEXT)).isEqualTo(new Ok(MESSAGE));
    }

    @ParameterizedTest(name = "last character {0}")
    @ValueSource(strings = {"E", "F", "G", "H"})
    void theTwoBitsBeyondTheKeyAreIgnoredWhateverTheyAre(String last) {
        // E..H differ only in the 2 trailing bits of the 43rd character (00, 01, 10, 11): the sample key
        // ends in G, whose trailing bits are not zero, and all four must be the same AES key
        WechatCrypto sameKey = new WechatCrypto(KEY.substring(0, 42) + last, APP_ID);

        assertThat(sameKey.decrypt(CIPHERTEXT)).isEqualTo(new Ok(MESSAGE));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 11, 12, 13, 25, 26, 27, 44, 58, 59, 60, 1000})
    void anyMessageSurvivesTheRoundTripInWhole32ByteBlocks(int length) {
        // 20 header bytes + 18 of appId: at 26 and 58 bytes the padding is a whole block of 32
        String message = "x".repeat(length);

        String encrypted = crypto.encrypt(message);

        assertThat(Base64.getDecoder().decode(encrypted).length % 32).isZero();
        assertThat(crypto.decrypt(encrypted)).isEqualTo(new Ok(message));
    }

    @Test
    void aRealMessageSurvivesTheRoundTrip() {
        String xml = "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oUser]]>"
                + "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[园区停电三天了，请帮忙协调 🙏]]></Content><MsgId>24000000000000001</MsgId></xml>";

        assertThat(crypto.decrypt(crypto.encrypt(xml))).isEqualTo(new Ok(xml));
    }

    @Test
    void everyEncryptionHasAFreshRandomPrefix() {
        String first = crypto.encrypt(MESSAGE);
        String second = crypto.encrypt(MESSAGE);

        assertThat(first).isNotEqualTo(second);
        assertThat(crypto.decrypt(first)).isEqualTo(crypto.decrypt(second)).isEqualTo(new Ok(MESSAGE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "not base64!",
                "jn1L23DB 6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
                "jn1L23DB-6ELqJ_6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5-3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
                "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg===",
                "<xml>"
            })
    void whatIsNotBase64IsRejectedAsSuch(String encrypt) {
        assertThat(crypto.decrypt(encrypt)).isEqualTo(new Failed(Reason.NOT_BASE64));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 15, 16, 17, 31, 33, 63})
    void whatIsNotWholeBlocksOrTooShortForAMessageHasABadLength(int length) {
        byte[] cut = Arrays.copyOf(Base64.getDecoder().decode(CIPHERTEXT), length);
        String encrypt = Base64.getEncoder().encodeToString(cut);

        assertThat(crypto.decrypt(encrypt)).isEqualTo(new Failed(Reason.BAD_LENGTH));
    }

    @ParameterizedTest(name = "pad byte {0}")
    @ValueSource(ints = {0, 33, 64, 0x80, 0xff})
    void aPadByteOutside1To32IsBadPadding(int padByte) {
        byte[] plain = plaintext(2, "hi", APP_ID, 24);
        plain[plain.length - 1] = (byte) padByte;

        assertThat(crypto.decrypt(seal(plain))).isEqualTo(new Failed(Reason.BAD_PADDING));
    }

    @Test
    void padBytesThatDisagreeAreBadPadding() {
        byte[] plain = plaintext(2, "hi", APP_ID, 24);
        plain[plain.length - 24] = 23; // the first of the 24 pad bytes

        assertThat(crypto.decrypt(seal(plain))).isEqualTo(new Failed(Reason.BAD_PADDING));
    }

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(longs = {21, 40, 100, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL})
    void aDeclaredLengthThatRunsPastTheEndIsABadMessageLength(long declared) {
        // 2 message bytes + 18 of appId are there; 20 would make the appId empty, 21 and more do not fit
        byte[] plain = plaintext(declared, "hi", APP_ID, 24);

        assertThat(crypto.decrypt(seal(plain))).isEqualTo(new Failed(Reason.BAD_MESSAGE_LENGTH));
    }

    @Test
    void paddingThatLeavesNoRoomForTheHeaderIsABadMessageLength() {
        byte[] allPadding = new byte[32];
        Arrays.fill(allPadding, (byte) 32);

        assertThat(crypto.decrypt(seal(allPadding))).isEqualTo(new Failed(Reason.BAD_MESSAGE_LENGTH));
    }

    @ParameterizedTest(name = "made for {0}")
    @ValueSource(
            strings = {
                "wx0000000000000000",
                "wxb11529c136998cb7",
                "wxb11529c136998cb",
                "wxb11529c136998cb6x",
                "WXB11529C136998CB6"
            })
    void aMessageMadeForAnotherAccountWithTheSameKeyIsRefused(String otherAppId) {
        String encrypt = new WechatCrypto(KEY, otherAppId).encrypt(MESSAGE);

        assertThat(crypto.decrypt(encrypt)).isEqualTo(new Failed(Reason.WRONG_APP_ID));
    }

    @Test
    void aMessageWithNoAppIdAtAllIsRefused() {
        // declared length 20 uses up everything before the padding, so the appId slot is empty
        byte[] plain = plaintext(2 + 18, "hi" + APP_ID, "", 24);

        assertThat(crypto.decrypt(seal(plain))).isEqualTo(new Failed(Reason.WRONG_APP_ID));
    }

    @Test
    void decryptionAloneDoesNotDetectTamperingSoTheSignatureMustBeCheckedFirst() {
        byte[] cipher = Base64.getDecoder().decode(crypto.encrypt(RANDOM, "<xml>ok</xml>"));
        // CBC: a change in the first block garbles only the random prefix, and flips the same bits of
        // the next block, which holds the message from its 5th byte on
        cipher[9] ^= 'o' ^ 'n';
        cipher[10] ^= 'k' ^ 'o';

        assertThat(crypto.decrypt(Base64.getEncoder().encodeToString(cipher))).isEqualTo(new Ok("<xml>no</xml>"));
    }

    @Test
    void aRandomPrefixMustBeSixteenBytes() {
        assertThatThrownBy(() -> crypto.encrypt("aaaabbbbccccddd", MESSAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.encrypt("中".repeat(16), MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", // 42
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", // 44
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=",
                "abcdefghijklmnopqrstuvwxyz-_23456789ABCDEFG", // the URL-safe alphabet
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDE!G"
            })
    void aKeyThatIsNot43Base64CharactersIsRefusedWithoutRepeatingIt(String key) {
        assertThatThrownBy(() -> new WechatCrypto(key, APP_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(key)
                .hasNoCause();
    }

    @Test
    void anAccountNeedsAnAppId() {
        assertThatThrownBy(() -> new WechatCrypto(KEY, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** random16 ‖ declared length ‖ message ‖ appId ‖ {@code pad} bytes of value {@code pad}. */
    private static byte[] plaintext(long declared, String message, String appId, int pad) {
        byte[] body = message.getBytes(UTF_8);
        byte[] app = appId.getBytes(UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(20 + body.length + app.length + pad)
                .put(RANDOM.getBytes(UTF_8)).putInt((int) declared).put(body).put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return plain.array();
    }

    /** Encrypts any plaintext with the sample key, as a sender who holds the key could. */
    private static String seal(byte[] plain) {
        try {
            byte[] key = Base64.getDecoder().decode(KEY + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
