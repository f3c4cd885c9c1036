package cn.huiyin.channel.wechat.domain;

import cn.huiyin.shared.domain.Text;

/**
 * What a voice or image message puts into an appeal as text: a voice message is WeChat's speech-to-text when
 * there is one, else a note of its media id and format; an image is a note of its URL and media id.
 */
public final class MessageContent {

    private MessageContent() {
    }

    public static String of(InboundMessage.Voice voice) {
        if (voice.recognition() != null && !voice.recognition().isBlank()) {
            return Text.normalized(voice.recognition()).strip();
        }
        return "[语音消息] MediaId=" + voice.mediaId() + (voice.format() == null ? "" : "，格式 " + voice.format());
    }

    public static String of(InboundMessage.Image image) {
        return "[图片] " + image.picUrl() + " MediaId=" + image.mediaId();
    }
}
