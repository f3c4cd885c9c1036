package cn.huiyin.channel.wechat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.channel.wechat.domain.Decrypted.Ok;
import cn.huiyin.channel.wechat.domain.InboundMessage.Event;
import cn.huiyin.channel.wechat.domain.InboundMessage.Image;
import cn.huiyin.channel.wechat.domain.InboundMessage.Text;
import cn.huiyin.channel.wechat.domain.InboundMessage.Unsupported;
import cn.huiyin.channel.wechat.domain.InboundMessage.Voice;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundMessageTest {

    private static final String ACCOUNT = "gh_0123456789ab";
    private static final String OPENID = "oUser_openid";
    private static final long TIME = 1_700_000_000L;

    private static final String HEAD = "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName>"
            + "<FromUserName><![CDATA[oUser_openid]]></FromUserName><CreateTime>1700000000</CreateTime>";

    @Test
    void aTextMessage() {
        assertThat(read(HEAD + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ 停电三天 ]]></Content>"
                        + "<MsgId>24000000000000001</MsgId></xml>"))
                .hasValue(new Text(ACCOUNT, OPENID, TIME, "24000000000000001", " 停电三天 "));
    }

    @Test
    void aVoiceMessageWithItsRecognition() {
        assertThat(read(HEAD + "<MsgType>voice</MsgType><MediaId>m1</MediaId><Format>amr</Format>"
                        + "<Recognition><![CDATA[园区停电了]]></Recognition><MsgId>7</MsgId></xml>"))
                .hasValue(new Voice(ACCOUNT, OPENID, TIME, "7", "m1", "amr", "园区停电了"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<Recognition></Recognition>", "<Recognition><![CDATA[]]></Recognition>"})
    void aVoiceMessageWithoutRecognitionHasNone(String recognition) {
        assertThat(read(HEAD + "<MsgType>voice</MsgType><MediaId>m1</MediaId><Format>speex</Format>" + recognition
                        + "<MsgId>7</MsgId></xml>"))
                .hasValueSatisfying(message -> assertThat(((Voice) message).recognition()).isNull());
    }

    @Test
    void anImageMessage() {
        assertThat(read(HEAD + "<MsgType>image</MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/p]]></PicUrl>"
                        + "<MediaId>m2</MediaId><MsgId>8</MsgId></xml>"))
                .hasValue(new Image(ACCOUNT, OPENID, TIME, "8", "http://mmbiz.qpic.cn/p", "m2"));
    }

    @Test
    void aSubscribeEventWithItsEmptyKeyHasNoKey() {
        assertThat(read(HEAD + "<MsgType>event</MsgType><Event>subscribe</Event>"
                        + "<EventKey><![CDATA[]]></EventKey></xml>"))
                .hasValue(new Event(ACCOUNT, OPENID, TIME, Event.SUBSCRIBE, null));
    }

    @Test
    void aMenuClickEventWithItsKey() {
        assertThat(read(HEAD + "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>APPEAL_NEW</EventKey></xml>"))
                .hasValue(new Event(ACCOUNT, OPENID, TIME, Event.CLICK, "APPEAL_NEW"));
    }

    @Test
    void anotherMessageTypeIsKeptAsUnsupported() {
        assertThat(read(HEAD + "<MsgType>video</MsgType><MediaId>m3</MediaId><MsgId>9</MsgId></xml>"))
                .hasValue(new Unsupported(ACCOUNT, OPENID, TIME, "9", "video"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ToUserName", "FromUserName", "CreateTime", "MsgType"})
    void withoutACommonFieldThereIsNoMessage(String missing) {
        Map<String, String> fields = textFields();
        fields.remove(missing);

        assertThat(InboundMessage.from(fields)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ToUserName", "FromUserName", "CreateTime", "MsgType"})
    void aBlankCommonFieldCountsAsMissing(String blank) {
        Map<String, String> fields = textFields();
        fields.put(blank, "  ");

        assertThat(InboundMessage.from(fields)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "+1", "17e8", "1700000000.5", "１７００００００００", "1234567890123456789"})
    void aCreateTimeThatIsNotPlainDigitsMeansNoMessage(String createTime) {
        Map<String, String> fields = textFields();
        fields.put("CreateTime", createTime);

        assertThat(InboundMessage.from(fields)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<MsgType>text</MsgType><MsgId>1</MsgId>",
                "<MsgType>voice</MsgType><Format>amr</Format><MsgId>1</MsgId>",
                "<MsgType>voice</MsgType><MediaId>m</MediaId><MsgId>1</MsgId>",
                "<MsgType>image</MsgType><MediaId>m</MediaId><MsgId>1</MsgId>",
                "<MsgType>image</MsgType><PicUrl>http://p</PicUrl><MsgId>1</MsgId>",
                "<MsgType>event</MsgType><EventKey>k</EventKey>",
                "<MsgType>event</MsgType><Event> </Event>"
            })
    void aKnownTypeWithoutItsOwnFieldsIsMalformed(String rest) {
        assertThat(read(HEAD + rest + "</xml>")).isEmpty();
    }

    @Test
    void identifiersAreTrimmedButWhatTheUserWroteIsNot() {
        Map<String, String> fields = textFields();
        fields.put("FromUserName", "\n  oUser_openid  \n");
        fields.put("Content", "  两端有空格  ");

        assertThat(InboundMessage.from(fields))
                .hasValue(new Text(ACCOUNT, OPENID, TIME, "24000000000000001", "  两端有空格  "));
    }

    @Test
    void messagesDedupeOnTheirMsgId() {
        assertThat(InboundMessage.from(textFields()).orElseThrow().dedupeKey()).isEqualTo("msg:24000000000000001");
        assertThat(new Unsupported("gh_1", "oUser", 1L, "9", "video").dedupeKey()).isEqualTo("msg:9");
    }

    @Test
    void eventsAndMessagesWithoutMsgIdDedupeOnSenderAndTime() {
        Map<String, String> fields = textFields();
        fields.remove("MsgId");

        assertThat(InboundMessage.from(fields).orElseThrow().dedupeKey()).isEqualTo("evt:oUser_openid:1700000000");
        assertThat(new Event("gh_1", "oUser", 1_700_000_000L, Event.VIEW, "https://x").dedupeKey())
                .isEqualTo("evt:oUser:1700000000");
    }

    @Test
    void aRetryReEncryptedWithANewPrefixDedupesLikeTheFirstDelivery() {
        WechatCrypto crypto = new WechatCrypto("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6");
        String xml = HEAD + "<MsgType>event</MsgType><Event>subscribe</Event></xml>";
        String first = crypto.encrypt(xml);
        String retry = crypto.encrypt(xml);

        assertThat(first).isNotEqualTo(retry);
        assertThat(decryptAndRead(crypto, retry).dedupeKey()).isEqualTo(decryptAndRead(crypto, first).dedupeKey());
    }

    private static InboundMessage decryptAndRead(WechatCrypto crypto, String encrypt) {
        String xml = ((Ok) crypto.decrypt(encrypt)).xml();
        return read(xml).orElseThrow();
    }

    private static Optional<InboundMessage> read(String xml) {
        return WechatXml.parse(xml, 64 * 1024).flatMap(InboundMessage::from);
    }

    private static Map<String, String> textFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("ToUserName", ACCOUNT);
        fields.put("FromUserName", OPENID);
        fields.put("CreateTime", "1700000000");
        fields.put("MsgType", "text");
        fields.put("Content", "停电三天");
        fields.put("MsgId", "24000000000000001");
        return fields;
    }
}
