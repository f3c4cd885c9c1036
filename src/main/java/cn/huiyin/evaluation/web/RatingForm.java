package cn.huiyin.evaluation.web;

import cn.huiyin.shared.web.Problem;

/**
 * The rating page's form and words: the level is a digit 1 to 5 and "resolved" is yes or no (anything else counts as
 * not chosen, which the rating's own rule then refuses); each refusal is told in Chinese, mobile-sized.
 */
final class RatingForm {

    private RatingForm() {
    }

    /** The level chosen; null when none or something else was sent. */
    static Integer level(String typed) {
        return typed == null || !typed.matches("[1-5]") ? null : Integer.valueOf(typed);
    }

    /** Whether the matter is resolved as chosen; null when neither was. */
    static Boolean resolved(String typed) {
        return "yes".equals(typed) ? Boolean.TRUE : "no".equals(typed) ? Boolean.FALSE : null;
    }

    /** The Chinese the page shows for each refusal. */
    static String words(Problem problem) {
        String type = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        return switch (type) {
            case "rating-link-expired" -> "该评价链接已过期。逾期未评价的，系统将按默认评价处理。";
            case "rating-link-invalid" -> "该评价链接无效，请核对短信或微信中的链接。";
            case "already-rated" -> "该答复已评价，感谢您的反馈。";
            case "not-awaiting-rating", "illegal-transition" -> "该诉求当前无需评价。";
            case "invalid-input" -> "comment".equals(problem.field()) ? "评价意见最多500字。"
                    : "resolved".equals(problem.field()) ? "请选择问题是否已解决。" : "请选择满意程度。";
            default -> "未找到该诉求。";
        };
    }
}
