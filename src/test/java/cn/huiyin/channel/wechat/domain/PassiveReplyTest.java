package cn.huiyin.channel.wechat.domain;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.channel.wechat.domain.Decrypted.Ok;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassiveReplyTest {

    private static final String TOKEN = "pamtest";
    private static final WechatCrypto CRYPTO =
            new WechatCrypto("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6");
    private static final String PLAIN = PassiveReply.text("oUser_openid", "gh_0123456789ab", 1_700_000_000L,
            "您的诉求已受理，编号 HY-2024-000123。");

    @Test
    void aTextReplyHasTheFieldsOfTheDocumentedShapeInOrder() {
        assertThat(PLAIN)
                .isEqualTo("<xml><ToUserName><![CDATA[oUser_openid]]></ToUserName>"
                        + "<FromUserName><![CDATA[gh_0123456789ab]]></FromUserName>"
                        + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                        + "<Content><![CDATA[您的诉求已受理，编号 HY-2024-000123。]]></Content></xml>");
    }

    @Test
    void aTextReplyCarriesAnyContentIntact() {
        String content = "第一行\n第二行 ]]> <b>&amp; 🙂";

        assertThat(WechatXml.parse(PassiveReply.text("oUser", "gh_1", 1L, content), 64 * 1024))
                .hasValueSatisfying(fields -> assertThat(fields).containsEntry("Content", content));
    }

    @Test
    void theEncryptedReplyIsTheDocumentedEnvelope() {
        String reply = PassiveReply.encrypted(CRYPTO, TOKEN, PLAIN, "1409304348", "xxxxxx");

        assertThat(reply).startsWith("<xml><Encrypt><![CDATA[").endsWith("<TimeStamp>1409304348</TimeStamp>"
                + "<Nonce><![CDATA[xxxxxx]]></Nonce></xml>");
        assertThat(WechatXml.parse(reply, 64 * 1024).orElseThrow().keySet())
                .containsExactly("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
    }

    @Test
    void theEncryptedReplyDecryptsToThePlainReplyAndItsSignatureVerifies() {
        Map<String, String> envelope = WechatXml.parse(
                        PassiveReply.encrypted(CRYPTO, TOKEN, PLAIN, "1409304348", "xxxxxx"), 64 * 1024)
                .orElseThrow();

        assertThat(envelope).contains(entry("TimeStamp", "1409304348"), entry("Nonce", "xxxxxx"));
        assertThat(WechatSignature.matches(
                        WechatSignature.messageSignature(TOKEN, "1409304348", "xxxxxx", envelope.get("Encrypt")),
                        envelope.get("MsgSignature")))
                .isTrue();
        assertThat(CRYPTO.decrypt(envelope.get("Encrypt"))).isEqualTo(new Ok(PLAIN));
    }

    @Test
    void aRetryIsAnsweredWithTheSameReplyUnderANewCiphertextAndSignature() {
        Map<String, String> first = WechatXml.parse(
                        PassiveReply.encrypted(CRYPTO, TOKEN, PLAIN, "1409304348", "xxxxxx"), 64 * 1024)
                .orElseThrow();
        Map<String, String> retry = WechatXml.parse(
                        PassiveReply.encrypted(CRYPTO, TOKEN, PLAIN, "1409304348", "xxxxxx"), 64 * 1024)
                .orElseThrow();

        assertThat(retry.get("Encrypt")).isNotEqualTo(first.get("Encrypt"));
        assertThat(retry.get("MsgSignature")).isNotEqualTo(first.get("MsgSignature"));
        assertThat(CRYPTO.decrypt(retry.get("Encrypt"))).isEqualTo(CRYPTO.decrypt(first.get("Encrypt")));
    }

    @Test
    void nothingToSayIsTheWordWechatExpects() {
        assertThat(PassiveReply.NO_REPLY).isEqualTo("success");
    }
}
