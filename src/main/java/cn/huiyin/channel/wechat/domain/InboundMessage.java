package cn.huiyin.channel.wechat.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One decrypted push from WeChat. {@code toUser} is the account's {@code gh_…} id, {@code fromUser} the
 * sender's openid, {@code createTime} Unix seconds as WeChat stamped it. Nullable components say so.
 */
public sealed interface InboundMessage {

    String toUser();

    String fromUser();

    long createTime();

    /**
     * What a retry has in common with the first delivery. WeChat re-encrypts a retry with a new nonce,
     * so only the decrypted content can tell: {@code MsgId} for messages, sender and time for events.
     * The key is unique within one account; prefix it with the account when several share a store.
     */
    default String dedupeKey() {
        return senderKey(this);
    }

    /** Empty when a common field is missing, CreateTime is not a number, or a type's own field is missing. */
    static Optional<InboundMessage> from(Map<String, String> fields) {
        return InboundMessageReader.read(fields);
    }

    /** {@code msgId} is null only if WeChat left it out. */
    record Text(String toUser, String fromUser, long createTime, String msgId, String content)
            implements InboundMessage {
        public Text {
            requireCommon(toUser, fromUser);
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String dedupeKey() {
            return messageKey(msgId, this);
        }
    }

    /** {@code recognition} is WeChat's speech-to-text, null when the account has it off or it failed. */
    record Voice(
            String toUser, String fromUser, long createTime, String msgId, String mediaId, String format,
            String recognition)
            implements InboundMessage {
        public Voice {
            requireCommon(toUser, fromUser);
            Objects.requireNonNull(mediaId, "mediaId");
            Objects.requireNonNull(format, "format");
        }

        @Override
        public String dedupeKey() {
            return messageKey(msgId, this);
        }
    }

    record Image(String toUser, String fromUser, long createTime, String msgId, String picUrl, String mediaId)
            implements InboundMessage {
        public Image {
            requireCommon(toUser, fromUser);
            Objects.requireNonNull(picUrl, "picUrl");
            Objects.requireNonNull(mediaId, "mediaId");
        }

        @Override
        public String dedupeKey() {
            return messageKey(msgId, this);
        }
    }

    /** {@code event} as WeChat spells it (an open set); {@code eventKey} null when absent or empty. */
    record Event(String toUser, String fromUser, long createTime, String event, String eventKey)
            implements InboundMessage {
        public static final String SUBSCRIBE = "subscribe";
        public static final String UNSUBSCRIBE = "unsubscribe";
        public static final String CLICK = "CLICK";
        public static final String VIEW = "VIEW";
        public static final String SCAN = "SCAN";

        public Event {
            requireCommon(toUser, fromUser);
            Objects.requireNonNull(event, "event");
        }
    }

    /** Any other {@code MsgType} (video, location, link, …); kept so that it can still be answered once. */
    record Unsupported(String toUser, String fromUser, long createTime, String msgId, String msgType)
            implements InboundMessage {
        public Unsupported {
            requireCommon(toUser, fromUser);
            Objects.requireNonNull(msgType, "msgType");
        }

        @Override
        public String dedupeKey() {
            return messageKey(msgId, this);
        }
    }

    private static String messageKey(String msgId, InboundMessage message) {
        return msgId == null ? senderKey(message) : "msg:" + msgId;
    }

    private static String senderKey(InboundMessage message) {
        return "evt:" + message.fromUser() + ":" + message.createTime();
    }

    private static void requireCommon(String toUser, String fromUser) {
        Objects.requireNonNull(toUser, "toUser");
        Objects.requireNonNull(fromUser, "fromUser");
    }
}
