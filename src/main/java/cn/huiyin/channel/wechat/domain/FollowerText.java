package cn.huiyin.channel.wechat.domain;

import java.util.Optional;

import cn.huiyin.shared.domain.Text;

/**
 * What a follower sent as text (a message's {@code Content}, a voice message's {@code Recognition}, an event's
 * key), held to the one text rule before any of it is kept or acted on. XML 1.0 already keeps most control
 * characters out, but not DEL and C1 controls, nor a document that declares itself XML 1.1.
 */
public final class FollowerText {

    private FollowerText() {
    }

    /** The first thing in the message's text that no appeal may store, if any. */
    public static Optional<Text.Flaw> flaw(InboundMessage message) {
        String text = null;
        if (message instanceof InboundMessage.Text t) {
            text = t.content();
        } else if (message instanceof InboundMessage.Voice v) {
            text = v.recognition();
        } else if (message instanceof InboundMessage.Event e) {
            text = e.eventKey();
        }
        return text == null ? Optional.empty() : Text.flaw(text);
    }
}
