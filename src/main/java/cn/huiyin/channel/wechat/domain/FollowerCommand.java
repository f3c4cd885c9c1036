package cn.huiyin.channel.wechat.domain;

/**
 * What a follower's text asks for. A few exact shapes are commands, answered at once and creating no appeal;
 * any other text describes a problem. Only the exact shape counts, so that "绑定一下…" or "评价一下…" written
 * as part of a complaint still reaches a department as an appeal.
 */
public sealed interface FollowerCommand {

    /** The text in Unicode NFC without surrounding space; blank text and the commands come first. */
    static FollowerCommand of(String text) {
        return FollowerCommandReader.read(text);
    }

    /** Nothing but space: there is nothing to appeal, so the follower is asked for words. */
    record Blank() implements FollowerCommand {
    }

    /** "查询": the follower's latest appeals. */
    record ListAppeals() implements FollowerCommand {
    }

    /** "验证 123456": the SMS code that completes a pending binding. */
    record ConfirmBinding(String code) implements FollowerCommand {
    }

    /** "评价" alone or followed by a number: meant as a rating even when malformed, so it is never an appeal. */
    record Rate(String text) implements FollowerCommand {
    }

    /** "转人工": the question last answered by an article is to become an appeal after all. */
    record Escalate() implements FollowerCommand {
    }

    /** "有用" or "没用": the follower's verdict on the article they were last answered with. */
    record Feedback(boolean helpful) implements FollowerCommand {
    }

    /** "绑定 &lt;USCC&gt; &lt;mobile&gt;": both as written, checked by the binding itself. */
    record Bind(String uscc, String mobile) implements FollowerCommand {
    }

    /** Any other text: a problem described, to become an appeal or a supplement to the open one. */
    record Describe(String content) implements FollowerCommand {
    }
}
