package cn.huiyin.channel.wechat.domain;

import java.util.Objects;

/** The outcome of decrypting one {@code Encrypt} value. */
public sealed interface Decrypted {

    default boolean ok() {
        return this instanceof Ok;
    }

    /** The message XML, still to be parsed (by {@link WechatXml#parse}). */
    record Ok(String xml) implements Decrypted {
        public Ok {
            Objects.requireNonNull(xml, "xml");
        }
    }

    /**
     * {@code reason} is for logs and metrics only. The sender is always answered the same way, and only
     * after {@code msg_signature} has matched: distinct answers to unsigned ciphertexts would make a
     * CBC padding oracle.
     */
    record Failed(Reason reason) implements Decrypted {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** In the order they are checked: the first that applies is reported. */
    enum Reason {
        /** Absent, or not standard Base64. */
        NOT_BASE64,
        /** Not whole AES blocks, or shorter than the smallest possible message. */
        BAD_LENGTH,
        /** The last byte is not 1..32, or the bytes it covers do not all equal it. */
        BAD_PADDING,
        /** The declared message length runs past the end of what was decrypted. */
        BAD_MESSAGE_LENGTH,
        /** Well formed, but made for another account (or with another account's key). */
        WRONG_APP_ID
    }
}
