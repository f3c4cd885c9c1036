package cn.huiyin.channel.wechat.domain;

import cn.huiyin.shared.domain.TrackingNumber;

/**
 * The words a follower's message is answered with when it is taken in, or refused. A retry is answered from
 * {@code wechat_message}, so these words matter only the first time; they live here so that every path that
 * takes a message in says the same.
 */
public final class FollowerReplies {

    /** Text that cannot be kept (control characters, broken Unicode): nothing is stored, not even this answer. */
    public static final String UNACCEPTABLE = "您发送的内容含有无法识别的字符（如控制字符），未能受理。请删除这些字符后重新发送。";

    /** Blank text: there is nothing to appeal. */
    public static final String ASK_FOR_WORDS = "请用文字描述您遇到的问题。";

    /** An image with no open appeal to add it to: a picture alone is no description of a problem. */
    public static final String IMAGE_NEEDS_WORDS = "收到图片。请先用文字描述您遇到的问题，再发送图片作为补充材料。";

    /** Appended for a follower not yet bound to an enterprise, whose appeal therefore has no declared identity. */
    public static final String ASK_IDENTITY =
            "\n为便于联系，请回复：绑定 统一社会信用代码 手机号（例如：绑定 914403001922038216 13800138000）。";

    /** "转人工" with no question answered by an article lately: there is nothing to hand over. */
    public static final String NOTHING_TO_ESCALATE =
            "没有找到24小时内由知识库回答的问题。请直接用文字描述您遇到的问题，我们会提交为诉求并告诉您诉求编号。";

    /** "有用" recorded. */
    public static final String THANKS_HELPFUL = "感谢您的反馈！";

    /** "没用" recorded: the way to a person is repeated, since the answer did not do. */
    public static final String THANKS_NOT_HELPFUL = "感谢您的反馈，我们会改进这条回答。如需人工办理，请回复“转人工”。";

    /** "有用" or "没用" with no article answer lately to apply it to. */
    public static final String NOTHING_TO_RATE = "没有找到24小时内的知识库回答。如有问题，请直接用文字描述。";

    private FollowerReplies() {
    }

    /** A new appeal is durable under {@code trackingNo}. */
    public static String accepted(String trackingNo, boolean bound) {
        return "您的诉求已受理，诉求编号：" + spoken(trackingNo) + "。我们将派给负责部门办理，办理进展会通过本公众号通知您。"
                + (bound ? "" : ASK_IDENTITY);
    }

    /** The message was added to the open appeal {@code trackingNo}. */
    public static String supplemented(String trackingNo) {
        return "已将您的补充内容加入诉求 " + spoken(trackingNo) + "。";
    }

    /** A tracking number grouped as it is read out; anything else as it is. */
    public static String spoken(String trackingNo) {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }
}
