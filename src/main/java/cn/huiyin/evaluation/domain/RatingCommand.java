package cn.huiyin.evaluation.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rating sent as a WeChat text: "评价 5", "评价 2 未解决", "评价 1234567890123 4", optionally followed by a
 * comment ("评价 4 已解决 处理很及时"). Without a tracking number it rates the sender's answered appeal.
 */
public record RatingCommand(String trackingNo, Satisfaction satisfaction, boolean resolved, String comment) {

    private static final Pattern SHAPE = Pattern.compile(
            "评价[\\s\\u3000]*(?:(\\d{13})[\\s\\u3000]+)?([1-5])(?:[\\s\\u3000]*(未解决|已解决))?(?:[\\s\\u3000]+(.*))?",
            Pattern.DOTALL);

    private static final Pattern INTENT = Pattern.compile("评价[\\s\\u3000]*(\\d.*)?", Pattern.DOTALL);

    /**
     * Whether the text is meant as a rating, even a malformed one: "评价" alone or followed by a number. Other
     * text that merely starts with 评价 ("评价一下…") is an ordinary message.
     */
    public static boolean looksLikeRating(String text) {
        return INTENT.matcher(text.strip()).matches();
    }

    public static Optional<RatingCommand> parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String comment = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4).strip();
        if (comment != null && comment.codePointCount(0, comment.length()) > Rating.MAX_COMMENT) {
            return Optional.empty();
        }
        return Optional.of(new RatingCommand(m.group(1), Satisfaction.of(Integer.parseInt(m.group(2))).orElseThrow(),
                !"未解决".equals(m.group(3)), comment));
    }

    public Rating rating() {
        return new Rating(satisfaction, resolved, comment, false);
    }

    /** How to ask for a rating in a WeChat text. */
    public static final String HOW_TO = "回复“评价 分数”评价答复：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意；"
            + "问题未解决请加“未解决”，例如“评价 2 未解决”。";
}
