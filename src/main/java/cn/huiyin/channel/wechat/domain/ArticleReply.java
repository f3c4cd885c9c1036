package cn.huiyin.channel.wechat.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A knowledge-base article as a passive reply: its title, its answer and where the answer comes from, then the
 * question whether it helped and how to have it handled by a person. WeChat takes a text reply of at most
 * {@link #LIMIT_BYTES} bytes of UTF-8 (a Chinese character is three), so a long answer is cut to fit and the source
 * (the law or notice, with its link) says where the rest is; the title, the source and the closing lines are
 * never cut.
 */
public final class ArticleReply {

    /** Tencent's limit on a text message's {@code Content}. */
    public static final int LIMIT_BYTES = 2048;

    public static final String CLOSING = "这条回答有帮助吗？回复“有用”或“没用”。如需人工办理，请回复“转人工”，我们会把您的问题提交为诉求。";

    private static final String CUT = "……";

    private ArticleReply() {
    }

    /** The reply; {@code sourceLink} may be null. */
    public static String of(String title, String answer, String sourceName, String sourceLink) {
        String head = "【" + Objects.requireNonNull(title, "title").strip() + "】\n";
        String source = "\n依据：" + Objects.requireNonNull(sourceName, "sourceName").strip()
                + (sourceLink == null || sourceLink.isBlank() ? "" : " " + sourceLink.strip()) + "\n";
        String body = Objects.requireNonNull(answer, "answer").strip();
        int room = LIMIT_BYTES - bytes(head) - bytes(source) - bytes(CLOSING);
        return head + fitted(body, room) + source + CLOSING;
    }

    /** {@code text} whole when it fits {@code room} bytes, else its longest start that fits with the cut mark. */
    static String fitted(String text, int room) {
        if (bytes(text) <= room) {
            return text;
        }
        int budget = room - bytes(CUT);
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end).stripTrailing() + CUT;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
