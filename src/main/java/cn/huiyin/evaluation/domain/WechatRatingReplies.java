package cn.huiyin.evaluation.domain;

/**
 * What a WeChat follower is answered after sending a rating ("评价 5"): thanks with the rating in words, and for a bad
 * rating that the unit will handle it again; a rating that could not be read gets the way to rate; a refusal says
 * whether the answer was rated already or there is nothing of theirs to rate.
 */
public final class WechatRatingReplies {

    private WechatRatingReplies() {
    }

    public static String unreadable() {
        return "未能识别您的评价。" + RatingCommand.HOW_TO;
    }

    public static String thanks(Rating rating) {
        return "感谢您的评价（" + rating.summary() + "）。" + (rating.good() ? "" : "承办部门将重新办理，并再次答复您。");
    }

    /** The words for a refused rating, by the refusal's problem type (its last path segment is the slug). */
    public static String refused(String problemType) {
        return problemType != null && problemType.endsWith("/already-rated") ? "该答复已评价，每次答复只能评价一次。"
                : "没有找到您待评价的诉求。";
    }
}
