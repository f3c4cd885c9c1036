package cn.huiyin.evaluation.domain;

/**
 * One round's rating: resolved (yes/no), a satisfaction level and an optional comment. {@code defaulted}
 * marks the level the system recorded when the window ran out; it is never shown as the enterprise's own.
 */
public record Rating(Satisfaction satisfaction, boolean resolved, String comment, boolean defaulted) {

    /** Longest comment kept, in characters. */
    public static final int MAX_COMMENT = 500;

    public Rating {
        if (satisfaction == null) {
            throw new IllegalArgumentException("a rating has a satisfaction level");
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            throw new IllegalArgumentException("a comment has at most " + MAX_COMMENT + " characters");
        }
    }

    /** Good (好评): resolved and 基本满意 or better. Anything else sends the appeal to rework. */
    public boolean good() {
        return resolved && !satisfaction.bad();
    }

    /** How the timeline words it, e.g. "满意，问题已解决" or "系统默认评价：基本满意". */
    public String summary() {
        String words = satisfaction.label() + (resolved ? "，问题已解决" : "，问题未解决");
        return defaulted ? "系统默认评价：" + words : words;
    }
}
