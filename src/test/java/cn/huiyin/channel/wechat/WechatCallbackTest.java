package cn.huiyin.channel.wechat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.channel.wechat.domain.WechatSignature;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WechatClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

@QuarkusTest
class WechatCallbackTest {

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    Database db;

    private static String openId() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private long appealsFrom(String openId) {
        return db.count("SELECT count(*) FROM appeal WHERE reply_to = $1", "default/" + openId);
    }

    @Test
    void the_url_check_echoes_only_for_a_correct_signature() {
        given().queryParam("signature", "67c7ab95f26b7433817a9348859bda6b7f742a6f").queryParam("timestamp", "1700000000")
                .queryParam("nonce", "42").queryParam("echostr", "echo-7731").get("/api/v1/channels/wechat")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .body(org.hamcrest.Matchers.equalTo("echo-7731"));
        given().queryParam("signature", "67c7ab95f26b7433817a9348859bda6b7f742a6e").queryParam("timestamp", "1700000000")
                .queryParam("nonce", "42").queryParam("echostr", "echo-7731").get("/api/v1/channels/wechat")
                .then().statusCode(401).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("echo-7731")));
    }

    @Test
    void a_text_message_becomes_one_appeal_and_a_re_encrypted_retry_gets_the_same_answer() {
        String openId = openId();
        String message = WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()),
                "我们公司在天河软件园，写字楼这周停电三次了，影响生产，请帮忙协调供电局。");

        var first = WechatClient.pushEncrypted(message);
        var retry = WechatClient.pushEncrypted(message);

        assertThat(first.statusCode()).isEqualTo(200);
        String reply = WechatClient.replyText(first);
        assertThat(reply).contains("诉求已受理").contains("绑定");
        assertThat(WechatClient.replyText(retry)).isEqualTo(reply);
        assertThat(appealsFrom(openId)).isEqualTo(1);
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE reply_to = $1", "default/" + openId);
        assertThat(reply.replace(" ", "")).contains(trackingNo);
        assertThat(db.string("SELECT identity_state FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo("MISSING");
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo("RECEIVED");
    }

    @Test
    void a_follow_up_within_the_window_supplements_the_open_appeal_and_queries_list_it() {
        String openId = openId();
        // a problem, not a question the knowledge base answers (those are WechatKnowledgeTest's)
        WechatClient.pushEncrypted(WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()),
                "写字楼电梯坏了半个月，物业一直不修，请帮忙协调。"));
        var followUp = WechatClient.pushEncrypted(WechatClient.text(openId, now() + 1, String.valueOf(MSG_IDS.incrementAndGet()),
                "另外研发费用加计扣除需要准备哪些材料"));
        var query = WechatClient.pushEncrypted(WechatClient.text(openId, now() + 2, String.valueOf(MSG_IDS.incrementAndGet()), "查询"));

        assertThat(WechatClient.replyText(followUp)).startsWith("已将您的补充内容加入诉求");
        assertThat(appealsFrom(openId)).isEqualTo(1);
        assertThat(db.count("""
                SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id
                WHERE a.reply_to = $1 AND e.type = 'SUPPLEMENTED'""", "default/" + openId)).isEqualTo(1);
        assertThat(WechatClient.replyText(query)).contains("您最近的诉求").contains("写字楼电梯坏了半个月");
    }

    @Test
    void a_bound_follower_appeals_as_their_enterprise() {
        String openId = openId();
        var bound = WechatClient.pushEncrypted(WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()),
                "绑定 914403001922038216 13800138000"));
        assertThat(WechatClient.replyText(bound)).startsWith("已绑定企业");
        var appeal = WechatClient.pushEncrypted(WechatClient.text(openId, now() + 1, String.valueOf(MSG_IDS.incrementAndGet()),
                "申请稳岗返还一直没有到账，请帮忙查一下进度"));

        assertThat(WechatClient.replyText(appeal)).doesNotContain("请回复：绑定");
        assertThat(db.string("SELECT uscc FROM appeal WHERE reply_to = $1", "default/" + openId)).isEqualTo("914403001922038216");
        assertThat(db.string("SELECT identity_state FROM appeal WHERE reply_to = $1", "default/" + openId)).isEqualTo("DECLARED");
    }

    @Test
    void subscribing_gets_a_welcome_and_menu_clicks_are_answered() {
        String openId = openId();
        assertThat(WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.event(openId, now(), "subscribe", null))))
                .startsWith("欢迎关注");
        assertThat(WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.event(openId, now() + 1, "CLICK", "MY_APPEALS"))))
                .contains("还没有");
        assertThat(WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.event(openId, now() + 2, "CLICK", "RATE"))))
                .isEqualTo("暂无待评价的诉求。");
        assertThat(appealsFrom(openId)).isZero();
    }

    @Test
    void a_voice_message_uses_its_recognition_and_an_image_alone_asks_for_words() {
        String openId = openId();
        var image = WechatClient.pushEncrypted("<xml><ToUserName>gh_huiyin_test</ToUserName><FromUserName>" + openId
                + "</FromUserName><CreateTime>" + now() + "</CreateTime><MsgType>image</MsgType><PicUrl>http://mmbiz/1.jpg</PicUrl>"
                + "<MediaId>m1</MediaId><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>");
        assertThat(WechatClient.replyText(image)).contains("请先用文字描述");
        WechatClient.pushEncrypted("<xml><ToUserName>gh_huiyin_test</ToUserName><FromUserName>" + openId
                + "</FromUserName><CreateTime>" + (now() + 1) + "</CreateTime><MsgType>voice</MsgType><MediaId>v1</MediaId>"
                + "<Format>amr</Format><Recognition>门口道路施工把店门堵住了</Recognition><MsgId>" + MSG_IDS.incrementAndGet()
                + "</MsgId></xml>");
        assertThat(db.string("SELECT content FROM appeal WHERE reply_to = $1", "default/" + openId)).isEqualTo("门口道路施工把店门堵住了");
    }

    @Test
    void hostile_or_foreign_requests_are_refused_and_store_nothing() {
        String openId = openId();
        String message = WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()), "这是一条测试诉求内容");
        // encrypted for another account's app id
        var foreign = WechatClient.pushEncrypted(new WxCryptUtil(WechatClient.TOKEN, WechatClient.AES_KEY, "wx0000000000000bad"), message);
        assertThat(foreign.statusCode()).isEqualTo(401);
        // plaintext to a safe-mode account, correctly signed
        String ts = String.valueOf(now());
        given().contentType("text/xml").body(message.getBytes(StandardCharsets.UTF_8))
                .queryParam("signature", WechatSignature.urlSignature(WechatClient.TOKEN, ts, "9"))
                .queryParam("timestamp", ts).queryParam("nonce", "9").post("/api/v1/channels/wechat").then().statusCode(401);
        // a wrong signature
        given().contentType("text/xml").body(message).queryParam("signature", "0000").queryParam("timestamp", ts)
                .queryParam("nonce", "9").post("/api/v1/channels/wechat").then().statusCode(401);
        // an entity-expansion payload inside a correctly encrypted message
        var xxe = WechatClient.pushEncrypted("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()), "&x;").replace("<![CDATA[&x;]]>", "&x;"));
        assertThat(xxe.statusCode()).isEqualTo(200);
        assertThat(xxe.asString()).isEqualTo("success");
        // an oversized body
        given().contentType("text/xml").body("<xml>" + "a".repeat(70_000) + "</xml>")
                .queryParam("signature", WechatSignature.urlSignature(WechatClient.TOKEN, ts, "9")).queryParam("timestamp", ts)
                .queryParam("nonce", "9").post("/api/v1/channels/wechat").then().statusCode(413);
        // a message type we do not handle is ignored politely
        var location = WechatClient.pushEncrypted("<xml><ToUserName>gh_huiyin_test</ToUserName><FromUserName>" + openId
                + "</FromUserName><CreateTime>" + now() + "</CreateTime><MsgType>location</MsgType><MsgId>"
                + MSG_IDS.incrementAndGet() + "</MsgId></xml>");
        assertThat(location.asString()).isEqualTo("success");

        assertThat(appealsFrom(openId)).isZero();
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void a_plaintext_account_answers_in_plaintext() {
        String openId = openId();
        String ts = String.valueOf(now());
        String body = WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()), "园区门前道路施工两周了，货车进不来")
                .replace(WechatClient.ACCOUNT_ID, "gh_huiyin_plain");
        String reply = given().contentType("text/xml").body(body.getBytes(StandardCharsets.UTF_8)).queryParam("account", "plain")
                .queryParam("signature", WechatSignature.urlSignature("plainToken2026", ts, "5")).queryParam("timestamp", ts)
                .queryParam("nonce", "5").post("/api/v1/channels/wechat").then().statusCode(200).extract().asString();
        assertThat(WechatClient.field(reply, "ToUserName")).isEqualTo(openId);
        assertThat(WechatClient.field(reply, "FromUserName")).isEqualTo("gh_huiyin_plain");
        assertThat(WechatClient.field(reply, "Content")).contains("诉求已受理");
        assertThat(db.count("SELECT count(*) FROM appeal WHERE reply_to = $1", "plain/" + openId)).isEqualTo(1);
    }

    @Test
    void a_signed_push_from_long_ago_is_refused() {
        String openId = openId();
        String old = "1700000000";
        given().contentType("text/xml").body(WechatClient.text(openId, 1700000000L, "1", "旧的签名重放").replace(WechatClient.ACCOUNT_ID, "gh_huiyin_plain"))
                .queryParam("account", "plain")
                .queryParam("signature", WechatSignature.urlSignature("plainToken2026", old, "5")).queryParam("timestamp", old)
                .queryParam("nonce", "5").post("/api/v1/channels/wechat").then().statusCode(401);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE reply_to = $1", "plain/" + openId)).isZero();
    }

    @Test
    void another_sender_with_the_same_msg_id_is_another_message_and_cannot_read_the_first_reply() {
        String msgId = String.valueOf(MSG_IDS.incrementAndGet());
        String victim = openId();
        String reply = WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.text(victim, now(), msgId, "绑定 914403001922038216 138 0013 8000")));
        assertThat(reply).startsWith("已绑定企业");
        String other = WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.text(openId(), now(), msgId, "查询")));
        assertThat(other).doesNotContain("914403001922038216").contains("还没有");
    }

    @Test
    void a_message_that_only_starts_with_the_binding_word_is_an_ordinary_appeal_and_blank_text_is_not_one() {
        String openId = openId();
        WechatClient.pushEncrypted(WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()), "绑定不了银行账户，社保扣款失败怎么办"));
        assertThat(appealsFrom(openId)).isEqualTo(1);
        String blank = WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.text(openId(), now(), String.valueOf(MSG_IDS.incrementAndGet()), "   ")));
        assertThat(blank).contains("请用文字描述");
    }

    // hostile input: odd query parameters are refused like a wrong signature; text that cannot be stored is
    // answered (a follower cannot be given a 4xx) and nothing of it is kept

    private static final String PLAIN_TOKEN = "plainToken2026";

    private static ExtractableResponse<Response> pushPlain(String xml, String timestamp, String nonce) {
        return pushPlain(xml.getBytes(StandardCharsets.UTF_8), timestamp, nonce,
                WechatSignature.urlSignature(PLAIN_TOKEN, timestamp, nonce));
    }

    private static ExtractableResponse<Response> pushPlain(byte[] body, String timestamp, String nonce, String signature) {
        return given().contentType("text/xml").body(body).queryParam("account", "plain").queryParam("signature", signature)
                .queryParam("timestamp", timestamp).queryParam("nonce", nonce).post("/api/v1/channels/wechat").then().extract();
    }

    private static String plainText(String openId, String content) {
        return WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()), content)
                .replace(WechatClient.ACCOUNT_ID, "gh_huiyin_plain");
    }

    /** Nothing of the sender is kept: no appeal, no remembered answer, not even the follower. */
    private void nothingStoredFor(String openId) {
        assertThat(db.count("SELECT count(*) FROM appeal WHERE reply_to = $1", "plain/" + openId)).isZero();
        assertThat(db.count("SELECT count(*) FROM wechat_message WHERE account = 'plain' AND open_id = $1", openId)).isZero();
        assertThat(db.count("SELECT count(*) FROM wechat_follower WHERE account = 'plain' AND open_id = $1", openId)).isZero();
    }

    private static void refusedLikeABadSignature(ExtractableResponse<Response> response, String field) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String> path("type")).endsWith("/bad-signature");
        assertThat(response.<String> path("field")).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+%d", "%d.0", "0000%d", " %d"})
    void a_timestamp_that_is_not_plain_ascii_digits_is_refused_even_when_signed(String shape) {
        String openId = openId();
        refusedLikeABadSignature(pushPlain(plainText(openId, "时间戳格式不对的推送"), String.format(shape, now()), "5"), "timestamp");
        nothingStoredFor(openId);
    }

    @Test
    void a_timestamp_in_full_width_digits_is_refused_even_when_signed() {
        String openId = openId();
        StringBuilder fullWidth = new StringBuilder();
        String.valueOf(now()).chars().forEach(digit -> fullWidth.append((char) ('０' + digit - '0')));
        assertThat(Long.parseLong(fullWidth.toString())).isEqualTo(now()); // what the old parsing let through
        refusedLikeABadSignature(pushPlain(plainText(openId, "全角数字的时间戳"), fullWidth.toString(), "5"), "timestamp");
        nothingStoredFor(openId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"随机数", "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", "a b"})
    void a_nonce_that_is_not_short_visible_ascii_is_refused_even_when_signed(String nonce) {
        String openId = openId();
        refusedLikeABadSignature(pushPlain(plainText(openId, "随机数格式不对的推送"), String.valueOf(now()), nonce), "nonce");
        nothingStoredFor(openId);
    }

    @Test
    void a_signature_or_echo_string_of_the_wrong_shape_is_refused() {
        String openId = openId();
        String ts = String.valueOf(now());
        byte[] body = plainText(openId, "签名格式不对的推送").getBytes(StandardCharsets.UTF_8);
        String good = WechatSignature.urlSignature(PLAIN_TOKEN, ts, "5");
        refusedLikeABadSignature(pushPlain(body, ts, "5", good + "0"), "signature");
        refusedLikeABadSignature(pushPlain(body, ts, "5", "Ｆ" + good.substring(1)), "signature");
        nothingStoredFor(openId);
        var echo = given().queryParam("signature", "67c7ab95f26b7433817a9348859bda6b7f742a6f").queryParam("timestamp", "1700000000")
                .queryParam("nonce", "42").queryParam("echostr", "<script>回显</script>").get("/api/v1/channels/wechat")
                .then().extract();
        refusedLikeABadSignature(echo, "echostr");
    }

    @Test
    void a_body_that_is_not_utf8_is_refused() {
        String openId = openId();
        byte[] body = plainText(openId, "编码AB").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("AB");
        body[at] = (byte) 0xC0; // an overlong NUL
        body[at + 1] = (byte) 0x80;
        String ts = String.valueOf(now());
        var response = pushPlain(body, ts, "5", WechatSignature.urlSignature(PLAIN_TOKEN, ts, "5"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.<String> path("field")).isEqualTo("body");
        nothingStoredFor(openId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableTexts")
    void a_message_with_text_no_appeal_may_store_is_answered_as_not_accepted_and_nothing_is_kept(String name,
            String xmlDeclaration, String content) {
        String openId = openId();
        String ts = String.valueOf(now());
        var response = pushPlain(xmlDeclaration + plainText(openId, "公司门口停电了").replace("公司门口停电了", content), ts, "5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatClient.field(response.asString(), "ToUserName")).isEqualTo(openId);
        assertThat(WechatClient.field(response.asString(), "Content")).contains("未能受理");
        nothingStoredFor(openId);
    }

    static Stream<Arguments> unstorableTexts() {
        return Stream.of(
                Arguments.of("DEL, which XML 1.0 allows", "", "公司门口停电了\u007f请处理"),
                Arguments.of("a C1 control, which XML 1.0 allows", "", "公司门口\u0085停电了"),
                Arguments.of("an escape, declared as XML 1.1", "<?xml version=\"1.1\"?>", "]]>公司门口&#x1b;[31m停电了<![CDATA["),
                Arguments.of("a noncharacter beyond the BMP, which XML allows", "", "公司门口停电了\uD83F\uDFFE"));
    }

    @Test
    void a_menu_event_whose_key_has_a_control_character_is_answered_as_not_accepted() {
        String openId = openId();
        var response = pushPlain(WechatClient.event(openId, now(), "CLICK", "MY_APPEALS\u0085")
                .replace(WechatClient.ACCOUNT_ID, "gh_huiyin_plain"), String.valueOf(now()), "5");
        assertThat(WechatClient.field(response.asString(), "Content")).contains("未能受理");
        nothingStoredFor(openId);
    }

    @Test
    void a_follow_up_with_a_control_character_adds_nothing_to_the_open_appeal() {
        String openId = openId();
        pushPlain(plainText(openId, "园区路灯坏了一周，晚上出入不安全"), String.valueOf(now()), "5");
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE reply_to = $1", "plain/" + openId);
        assertThat(trackingNo).isNotNull();
        long events = db.count("SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id WHERE a.tracking_no = $1",
                trackingNo);
        long answers = db.count("SELECT count(*) FROM wechat_message WHERE account = 'plain' AND open_id = $1", openId);

        var response = pushPlain(plainText(openId, "补充：在东门\u007f附近"), String.valueOf(now()), "5");

        assertThat(WechatClient.field(response.asString(), "Content")).contains("未能受理");
        assertThat(db.count("SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id WHERE a.tracking_no = $1",
                trackingNo)).isEqualTo(events);
        assertThat(db.count("SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id "
                + "WHERE a.tracking_no = $1 AND e.type = 'SUPPLEMENTED'", trackingNo)).isZero();
        assertThat(db.count("SELECT count(*) FROM wechat_message WHERE account = 'plain' AND open_id = $1", openId))
                .isEqualTo(answers);
    }

    @Test
    void a_push_whose_sender_is_no_wechat_id_is_answered_success_and_nothing_is_kept() {
        for (String sender : new String[] {"o".repeat(65), "o用户", "o\u0085x"}) {
            var response = pushPlain(plainText(sender, "发件人标识不对的推送"), String.valueOf(now()), "5");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).isEqualTo("success");
            nothingStoredFor(sender);
        }
    }
}
