package cn.huiyin.testsupport;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.channel.wechat.domain.WechatSignature;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Plays WeChat's servers against the callback: builds the push XML, encrypts it with the third-party SDK as
 * WeChat does, signs the query, and decrypts our encrypted reply the same way.
 */
public final class WechatClient {

    public static final String TOKEN = "appealToken2024";
    public static final String APP_ID = "wxb11529c136998cb6";
    public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String ACCOUNT_ID = "gh_huiyin_test";

    private static final WxCryptUtil CRYPT = new WxCryptUtil(TOKEN, AES_KEY, APP_ID);
    private static final Pattern FIELD = Pattern.compile("<(?!xml>)(\\w+)>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</\\1>", Pattern.DOTALL);

    private WechatClient() {
    }

    public static String text(String openId, long createTime, String msgId, String content) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT_ID + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    public static String event(String openId, long createTime, String event, String key) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT_ID + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>" + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>")
                + "</xml>";
    }

    /** A safe-mode push of {@code plainXml}, freshly encrypted (new nonce every time, as WeChat's retries are). */
    public static ExtractableResponse<Response> pushEncrypted(String plainXml) {
        return pushEncrypted(CRYPT, plainXml);
    }

    public static ExtractableResponse<Response> pushEncrypted(WxCryptUtil crypt, String plainXml) {
        String sdkEnvelope = crypt.encrypt(plainXml);
        String encrypt = field(sdkEnvelope, "Encrypt");
        String timestamp = field(sdkEnvelope, "TimeStamp");
        String nonce = field(sdkEnvelope, "Nonce");
        String body = "<xml><ToUserName><![CDATA[" + ACCOUNT_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
        return given().contentType("text/xml").body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("signature", WechatSignature.urlSignature(TOKEN, timestamp, nonce))
                .queryParam("timestamp", timestamp).queryParam("nonce", nonce).queryParam("openid", "o")
                .queryParam("encrypt_type", "aes").queryParam("msg_signature", field(sdkEnvelope, "MsgSignature"))
                .post("/api/v1/channels/wechat").then().extract();
    }

    /** The text content of our encrypted passive reply, decrypted and checked the way WeChat does. */
    public static String replyText(ExtractableResponse<Response> response) {
        String xml = response.asString();
        String plain = CRYPT.decryptXml(field(xml, "MsgSignature"), field(xml, "TimeStamp"), field(xml, "Nonce"), xml);
        WxMpXmlMessage reply = WxMpXmlMessage.fromXml(plain);
        return reply.getContent();
    }

    public static String field(String xml, String name) {
        Matcher m = FIELD.matcher(xml);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }
}
