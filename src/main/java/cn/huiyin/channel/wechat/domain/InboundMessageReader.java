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
 * blank counts as absent; what the user wrote ({@code Content}, {@code Recognition}) is kept as sent.
 */
final class InboundMessageReader {

    // ASCII digits only: Long.parseLong would also take full-width digits or a sign
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,18}");

    private final Map<String, String> fields;

    private InboundMessageReader(Map<String, String> fields) {
        this.fields = fields;
    }

    static Optional<InboundMessage> read(Map<String, String> fields) {
        return new InboundMessageReader(Objects.requireNonNull(fields, "fields")).read();
    }

    private Optional<InboundMessage> read() {
        String to = id("ToUserName");
        String from = id("FromUserName");
        String time = id("CreateTime");
        String type = id("MsgType");
        if (to == null || from == null || type == null || time == null || !UNIX_SECONDS.matcher(time).matches()) {
            return Optional.empty();
        }
        Common common = new Common(to, from, Long.parseLong(time), id("MsgId"));
        return Optional.ofNullable(
                switch (type) {
                    case "text" -> text(common);
                    case "voice" -> voice(common);
                    case "image" -> image(common);
                    case "event" -> event(common);
                    default -> new Unsupported(to, from, common.createTime(), common.msgId(), type);
                });
    }

    // Each of these is null when the type's own field is missing: such a message is malformed, not
    // "unsupported", since WeChat always sends them.

    private Text text(Common c) {
        String content = fields.get("Content"); // as sent, even blank: a message of spaces is still a message
        return content == null ? null : new Text(c.to(), c.from(), c.createTime(), c.msgId(), content);
    }

    private Voice voice(Common c) {
        String mediaId = id("MediaId");
        String format = id("Format");
        return mediaId == null || format == null
                ? null
                : new Voice(c.to(), c.from(), c.createTime(), c.msgId(), mediaId, format, freeText("Recognition"));
    }

    private Image image(Common c) {
        String picUrl = id("PicUrl");
        String mediaId = id("MediaId");
        return picUrl == null || mediaId == null
                ? null
                : new Image(c.to(), c.from(), c.createTime(), c.msgId(), picUrl, mediaId);
    }

    private Event event(Common c) {
        String event = id("Event");
        return event == null ? null : new Event(c.to(), c.from(), c.createTime(), event, id("EventKey"));
    }

    private String id(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Free text as sent; null when absent or blank (WeChat sends an empty Recognition when it failed). */
    private String freeText(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private record Common(String to, String from, long createTime, String msgId) {}
}
