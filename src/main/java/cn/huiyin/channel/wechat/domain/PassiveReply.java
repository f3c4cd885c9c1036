package cn.huiyin.channel.wechat.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of the answer to a push, which WeChat must have within 5 seconds. In safe mode the plain reply
 * is encrypted and signed afresh; a retry is answered with the same plain reply, newly encrypted.
 */
public final class PassiveReply {

    /** "Nothing to say now": WeChat neither retries nor tells the user the account failed. */
    public static final String NO_REPLY = "success";

    private PassiveReply() {}

    /** A text message back to the sender: {@code toOpenId} is their openid, {@code fromAccountId} our {@code gh_…}. */
    public static String text(String toOpenId, String fromAccountId, long createTime, String content) {
        Map<String, String> fields = new LinkedHashMap<>(); // the order of CHANNELS.md and Tencent's docs
        fields.put("ToUserName", Objects.requireNonNull(toOpenId, "toOpenId"));
        fields.put("FromUserName", Objects.requireNonNull(fromAccountId, "fromAccountId"));
        fields.put("CreateTime", Long.toString(createTime));
        fields.put("MsgType", "text");
        fields.put("Content", Objects.requireNonNull(content, "content"));
        return WechatXml.reply(fields);
    }

    /** The safe-mode envelope around {@code plainReply}, its MsgSignature over the new ciphertext. */
    public static String encrypted(
            WechatCrypto crypto, String token, String plainReply, String timestamp, String nonce) {
        Objects.requireNonNull(crypto, "crypto");
        String encrypt = crypto.encrypt(plainReply); // a fresh random prefix every time
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Encrypt", encrypt);
        fields.put("MsgSignature", WechatSignature.messageSignature(token, timestamp, nonce, encrypt));
        fields.put("TimeStamp", timestamp);
        fields.put("Nonce", nonce);
        return WechatXml.reply(fields);
    }
}
