package cn.huiyin.channel.wechat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WechatSignatureTest {

    // the URL-check known-answer vector (CHANNELS.md, "WeChat official account")
    private static final String TOKEN = "appealToken2024";
    private static final String TIMESTAMP = "1700000000";
    private static final String NONCE = "42";
    private static final String SIGNATURE = "67c7ab95f26b7433817a9348859bda6b7f742a6f";

    // Tencent's sample ciphertext; the signature below was computed independently (Python hashlib)
    private static final String SAMPLE_ENCRYPT =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    @Test
    void theUrlCheckVectorGivesThePublishedSignature() {
        assertThat(WechatSignature.urlSignature(TOKEN, TIMESTAMP, NONCE)).isEqualTo(SIGNATURE);
    }

    @Test
    void thePartsAreSortedSoTheirOrderOfArrivalDoesNotMatter() {
        assertThat(WechatSignature.urlSignature(NONCE, TOKEN, TIMESTAMP)).isEqualTo(SIGNATURE);
        assertThat(WechatSignature.urlSignature(TIMESTAMP, NONCE, TOKEN)).isEqualTo(SIGNATURE);
    }

    @Test
    void partsAreSortedAsStringsNotAsNumbers() {
        // as strings "1700000000" < "99"; as numbers 99 would come first
        assertThat(WechatSignature.urlSignature(TOKEN, TIMESTAMP, "99"))
                .isEqualTo("386c56bed4b05c1389bd73dbab1058c0532ef39b");
    }

    @Test
    void partsAreSortedByCodeUnitSoUpperCaseComesBeforeLowerCase() {
        assertThat(WechatSignature.urlSignature("appeal", TIMESTAMP, "Appeal"))
                .isEqualTo("4d0effe483c7a1b58c5bc6f869ebefb4c79c0217");
    }

    @Test
    void theMessageSignatureAlsoCoversTheCiphertext() {
        assertThat(WechatSignature.messageSignature("pamtest", "1409304348", "xxxxxx", SAMPLE_ENCRYPT))
                .isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
        assertThat(WechatSignature.messageSignature("pamtest", "1409304348", "xxxxxx", SAMPLE_ENCRYPT + "x"))
                .isNotEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
    }

    @Test
    void aMissingPartIsAProgrammingErrorNotAnEmptyString() {
        assertThatThrownBy(() -> WechatSignature.urlSignature(TOKEN, null, NONCE))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theSameSignatureMatchesInEitherCase() {
        assertThat(WechatSignature.matches(SIGNATURE, SIGNATURE)).isTrue();
        assertThat(WechatSignature.matches(SIGNATURE, SIGNATURE.toUpperCase(Locale.ROOT))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "67c7ab95f26b7433817a9348859bda6b7f742a6e", // last digit changed
                "67c7ab95f26b7433817a9348859bda6b7f742a6", // one digit short
                "67c7ab95f26b7433817a9348859bda6b7f742a6f0", // one digit long
                " 67c7ab95f26b7433817a9348859bda6b7f742a6f",
                "67c7ab95f26b7433817a9348859bda6b7f742a6g",
                "sha1=67c7ab95f26b7433817a9348859bda6b7f742a6f"
            })
    void anythingElseDoesNotMatch(String given) {
        assertThat(WechatSignature.matches(SIGNATURE, given)).isFalse();
    }

    @Test
    void nothingMatchesAMissingExpectation() {
        assertThat(WechatSignature.matches(null, SIGNATURE)).isFalse();
    }
}
