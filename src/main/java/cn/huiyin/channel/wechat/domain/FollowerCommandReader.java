package cn.huiyin.channel.wechat.domain;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.evaluation.domain.RatingCommand;
import cn.huiyin.shared.domain.Text;

/** Reads a follower's text into a {@link FollowerCommand}; the order of the checks is the order of precedence. */
final class FollowerCommandReader {

    private static final Pattern CONFIRMATION = Pattern.compile("验证[\\s\\u3000]*(\\d{6})");
    private static final Pattern BINDING = Pattern.compile(
            "绑定[\\s\\u3000]+([0-9A-Za-z]{18})[\\s\\u3000]+([+0-9\\s\\u3000-]{11,20})");

    private FollowerCommandReader() {
    }

    static FollowerCommand read(String text) {
        String content = Text.normalized(Objects.requireNonNull(text, "text")).strip();
        if (content.isEmpty()) {
            return new FollowerCommand.Blank();
        }
        if (content.equals("查询")) {
            return new FollowerCommand.ListAppeals();
        }
        // the words the article reply asks for, exactly: "没用的东西又坏了" is a complaint, not a verdict
        switch (content) {
            case "转人工":
                return new FollowerCommand.Escalate();
            case "有用":
                return new FollowerCommand.Feedback(true);
            case "没用":
                return new FollowerCommand.Feedback(false);
            default:
                break;
        }
        Matcher confirmation = CONFIRMATION.matcher(content);
        if (confirmation.matches()) {
            return new FollowerCommand.ConfirmBinding(confirmation.group(1));
        }
        if (RatingCommand.looksLikeRating(content)) {
            return new FollowerCommand.Rate(content);
        }
        Matcher binding = BINDING.matcher(content);
        if (binding.matches()) {
            return new FollowerCommand.Bind(binding.group(1), binding.group(2));
        }
        return new FollowerCommand.Describe(content);
    }
}
