package cn.huiyin.channel.wechat.domain;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WechatXmlTest {

    private static final int MAX = 64 * 1024;

    @Test
    void aTextMessageGivesItsFieldsInOrder() {
        // as in Tencent's documentation, whitespace between the fields included
        String xml = """
                <xml>
                  <ToUserName><![CDATA[gh_0123456789ab]]></ToUserName>
                  <FromUserName><![CDATA[oUser_openid]]></FromUserName>
                  <CreateTime>1348831860</CreateTime>
                  <MsgType><![CDATA[text]]></MsgType>
                  <Content><![CDATA[厂区门口道路施工 <三个月> & 未恢复]]></Content>
                  <MsgId>1234567890123456</MsgId>
                </xml>
                """;

        assertThat(WechatXml.parse(xml, MAX))
                .hasValueSatisfying(fields -> assertThat(fields)
                        .containsExactly(
                                entry("ToUserName", "gh_0123456789ab"),
                                entry("FromUserName", "oUser_openid"),
                                entry("CreateTime", "1348831860"),
                                entry("MsgType", "text"),
                                entry("Content", "厂区门口道路施工 <三个月> & 未恢复"),
                                entry("MsgId", "1234567890123456")));
    }

    @Test
    void aVoiceMessageCarriesItsRecognition() {
        String xml = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>"
                + "<CreateTime>1357290913</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
                + "<MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format>"
                + "<Recognition><![CDATA[腾讯微信团队]]></Recognition><MsgId>1234567890123456</MsgId></xml>";

        assertThat(WechatXml.parse(xml, MAX)).hasValueSatisfying(fields -> assertThat(fields)
                .containsEntry("MsgType", "voice")
                .containsEntry("MediaId", "media_id")
                .containsEntry("Format", "amr")
                .containsEntry("Recognition", "腾讯微信团队")
                .hasSize(8));
    }

    @Test
    void anImageMessageCarriesItsUrlAndMedia() {
        String xml = "<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName>"
                + "<CreateTime>1348831860</CreateTime><MsgType>image</MsgType>"
                + "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x?a=1&b=2]]></PicUrl><MediaId>m1</MediaId>"
                + "<MsgId>1234567890123456</MsgId></xml>";

        assertThat(WechatXml.parse(xml, MAX)).hasValueSatisfying(fields -> assertThat(fields)
                .containsEntry("PicUrl", "http://mmbiz.qpic.cn/x?a=1&b=2")
                .containsEntry("MediaId", "m1"));
    }

    @Test
    void eventsCarryTheirEventAndKey() {
        String subscribe = "<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName>"
                + "<CreateTime>123456789</CreateTime><MsgType>event</MsgType><Event>subscribe</Event></xml>";
        String click = "<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName>"
                + "<CreateTime>123456789</CreateTime><MsgType>event</MsgType><Event>CLICK</Event>"
                + "<EventKey><![CDATA[APPEAL_NEW]]></EventKey></xml>";

        assertThat(WechatXml.parse(subscribe, MAX)).hasValueSatisfying(fields -> assertThat(fields)
                .containsEntry("Event", "subscribe")
                .doesNotContainKey("EventKey"));
        assertThat(WechatXml.parse(click, MAX)).hasValueSatisfying(fields -> assertThat(fields)
                .containsEntry("Event", "CLICK")
                .containsEntry("EventKey", "APPEAL_NEW"));
    }

    @Test
    void theNestedGroupsOfMenuEventsAreLeftOutButTheMessageIsKept() {
        String scan = "<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName>"
                + "<CreateTime>1408090502</CreateTime><MsgType>event</MsgType><Event>scancode_push</Event>"
                + "<EventKey>6</EventKey><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult>"
                + "</ScanCodeInfo></xml>";

        assertThat(WechatXml.parse(scan, MAX)).hasValueSatisfying(fields -> assertThat(fields)
                .containsEntry("Event", "scancode_push")
                .doesNotContainKeys("ScanCodeInfo", "ScanType"));
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh_1</ToUserName><Content>&x;</Content></xml>";

        assertThat(WechatXml.parse(xxe, MAX)).isEmpty();
    }

    @Test
    void aBillionLaughsIsRefusedBeforeAnythingExpands() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = doctype + "]><xml><Content>&lol9;</Content></xml>";

        assertThat(WechatXml.parse(bomb, MAX)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE xml><xml><Content>hi</Content></xml>",
                "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><Content>hi</Content></xml>",
                "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]><xml/>",
                "<!DOCTYPE xml [<!ENTITY safe \"harmless\">]><xml><Content>&safe;</Content></xml>"
            })
    void anyDoctypeAtAllIsRefused(String xml) {
        assertThat(WechatXml.parse(xml, MAX)).isEmpty();
    }

    @Test
    void xIncludeIsNotProcessed() {
        String xml = "<xml xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<Content><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></Content></xml>";

        assertThat(WechatXml.parse(xml, MAX).orElseThrow().values()).noneMatch(value -> value.contains("root:"));
    }

    @Test
    void aBodyOverTheLimitIsNotParsed() {
        String exactly = "<xml><Content>" + "a".repeat(100) + "</Content></xml>";
        int size = exactly.getBytes(StandardCharsets.UTF_8).length;

        assertThat(WechatXml.parse(exactly, size)).isPresent();
        assertThat(WechatXml.parse(exactly, size - 1)).isEmpty();
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        String chinese = "<xml><Content>" + "诉".repeat(100) + "</Content></xml>"; // 130 chars, 330 bytes

        assertThat(WechatXml.parse(chinese, 200)).isEmpty();
        assertThat(WechatXml.parse(chinese, 330)).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "success",
                "<xml><Content>unclosed</xml>",
                "<xml><Content>a</Content>",
                "<xml><Content>a & b</Content></xml>",
                "<xml><Content>a</Content></xml><xml/>",
                "<xml><Content>&unknown;</Content></xml>",
                "{\"Content\":\"json\"}",
                "<xml><Content>\u0001</Content></xml>"
            })
    void malformedXmlIsRefusedQuietly(String xml) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Optional<Map<String, String>> parsed;
        try {
            parsed = WechatXml.parse(xml, MAX);
        } finally {
            System.setErr(stderr);
        }

        assertThat(parsed).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("nothing printed to stderr").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<XML><Content>a</Content></XML>", "<root><Content>a</Content></root>", "<Content/>"})
    void aRootOtherThanXmlIsRefused(String xml) {
        assertThat(WechatXml.parse(xml, MAX)).isEmpty();
    }

    @Test
    void aRepeatedFieldIsRefusedRatherThanGuessedAt() {
        String xml = "<xml><FromUserName>oUser</FromUserName><FromUserName>oOther</FromUserName></xml>";

        assertThat(WechatXml.parse(xml, MAX)).isEmpty();
    }

    @Test
    void absurdlyDeepNestingIsRefused() {
        String deep = "<xml><Group>" + "<a>".repeat(50) + "</a>".repeat(50) + "</Group></xml>";

        assertThat(WechatXml.parse(deep, MAX)).isEmpty();
    }

    @Test
    void anElementWrapsTextInCdataAndLeavesNumbersBare() {
        assertThat(WechatXml.element("Content", "你好")).isEqualTo("<Content><![CDATA[你好]]></Content>");
        assertThat(WechatXml.element("CreateTime", "1700000000")).isEqualTo("<CreateTime>1700000000</CreateTime>");
        assertThat(WechatXml.element("Content", "")).isEqualTo("<Content><![CDATA[]]></Content>");
    }

    @Test
    void aCdataEndInsideAValueIsSplitSoItCannotCloseTheSection() {
        assertThat(WechatXml.element("Content", "a]]>b"))
                .isEqualTo("<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertThat(WechatXml.element("Content", "a\u0000b\u001bc\uFFFEd\uD800e\tf"))
                .isEqualTo("<Content><![CDATA[abcde\tf]]></Content>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a b", "a>b", "Content><Evil"})
    void anElementNameMustBeASimpleName(String name) {
        assertThatThrownBy(() -> WechatXml.element(name, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplyWritesItsFieldsInOrderAndReadsBackTheSame() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ToUserName", "oUser");
        fields.put("CreateTime", "1700000000");
        fields.put("Content", "受理编号 HY-2024-000123]]><!DOCTYPE x>]]]>&amp;<b>\n 末尾空格 🙂 ");

        String reply = WechatXml.reply(fields);

        assertThat(reply)
                .startsWith("<xml><ToUserName><![CDATA[oUser]]></ToUserName><CreateTime>1700000000</CreateTime>");
        assertThat(WechatXml.parse(reply, MAX)).hasValue(fields);
    }
}
