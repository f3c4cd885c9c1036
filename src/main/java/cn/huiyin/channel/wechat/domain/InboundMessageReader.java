package cn.huiyin.channel.wechat.domain;

import cn.huiyin.channel.wechat.domain.InboundMessage.Event;
import cn.huiyin.channel.wechat.domain.InboundMessage.Image;
import cn.huiyin.channel.wechat.domain.InboundMessage.Text;
import cn.huiyin.channel.wechat.domain.InboundMessage.Unsupported;
import cn.huiyin.channel.wechat.domain.InboundMessage.Voice;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the fields of {@link WechatXml#parse} into an {@link InboundMessage}. Identifiers are trimmed and
 * blank counts as absent; what the user wrote ({@code Content}, {@code Recognition}) is kept as sent. An
 * identifier that is not visible ASCII of a bounded length is no push of WeChat's: the message is malformed.
 */
final class InboundMessageReader {

    // ASCII digits only: Long.parseLong would also take full-width digits or a sign
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,18}");

    // WeChat's ids are short ASCII tokens (openids 28 characters, MsgIds 64-bit numbers); the bounds leave room
    private static final Pattern IDENTIFIER = Pattern.compile("[!-~]+");
    private static final int ID_MAX = 64;
    private static final int MEDIA_ID_MAX = 128;
    private static final int URL_MAX = 1024;
    private static final int EVENT_KEY_MAX = 256;

    private final Map<String, String> fields;
    private boolean malformed;

    private InboundMessageReader(Map<String, String> fields) {
        this.fields = fields;
    }

    static Optional<InboundMessage> read(Map<String, String> fields) {
        return new InboundMessageReader(Objects.requireNonNull(fields, "fields")).read();
    }

    private Optional<InboundMessage> read() {
        String to = id("ToUserName", ID_MAX);
        String from = id("FromUserName", ID_MAX);
        String time = id("CreateTime", ID_MAX);
        String type = id("MsgType", ID_MAX);
        if (to == null || from == null || type == null || time == null || !UNIX_SECONDS.matcher(time).matches()) {
            return Optional.empty();
        }
        Common common = new Common(to, from, Long.parseLong(time), id("MsgId", ID_MAX));
        InboundMessage message = switch (type) {
            case "text" -> text(common);
            case "voice" -> voice(common);
            case "image" -> image(common);
            case "event" -> event(common);
            default -> new Unsupported(to, from, common.createTime(), common.msgId(), type);
        };
        return malformed ? Optional.empty() : Optional.ofNullable(message);
    }

    // Each of these is null when the type's own field is missing: such a message is malformed, not
    // "unsupported", since WeChat always sends them.

    private Text text(Common c) {
        String content = fields.get("Content"); // as sent, even blank: a message of spaces is still a message
        return content == null ? null : new Text(c.to(), c.from(), c.createTime(), c.msgId(), content);
    }

    private Voice voice(Common c) {
        String mediaId = id("MediaId", MEDIA_ID_MAX);
        String format = id("Format", ID_MAX);
        return mediaId == null || format == null
                ? null
                : new Voice(c.to(), c.from(), c.createTime(), c.msgId(), mediaId, format, freeText("Recognition"));
    }

    private Image image(Common c) {
        String picUrl = id("PicUrl", URL_MAX);
        String mediaId = id("MediaId", MEDIA_ID_MAX);
        return picUrl == null || mediaId == null
                ? null
                : new Image(c.to(), c.from(), c.createTime(), c.msgId(), picUrl, mediaId);
    }

    private Event event(Common c) {
        String event = id("Event", ID_MAX);
        return event == null ? null : new Event(c.to(), c.from(), c.createTime(), event, eventKey());
    }

    /** Trimmed; null when absent or blank. Not an identifier's shape: the message is malformed. */
    private String id(String name, int max) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (id.length() > max || !IDENTIFIER.matcher(id).matches()) {
            malformed = true;
        }
        return id;
    }

    /**
     * Set by the account's owner (menu keys, QR scene strings), so any text, trimmed; what it may not contain is
     * the follower texts' rule to judge. Only its length is bounded here.
     */
    private String eventKey() {
        String value = fields.get("EventKey");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > EVENT_KEY_MAX) {
            malformed = true;
        }
        return value.strip();
    }

    /** Free text as sent; null when absent or blank (WeChat sends an empty Recognition when it failed). */
    private String freeText(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private record Common(String to, String from, long createTime, String msgId) {}
}
