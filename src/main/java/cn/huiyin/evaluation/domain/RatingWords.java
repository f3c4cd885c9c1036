package cn.huiyin.evaluation.domain;

/**
 * How the staff pages word a round's rating and why a round is called back: "不满意，未解决（默认评价）", "尚未评价";
 * "差评回访" for a bad rating, "抽样回访" for a round drawn in the sample.
 */
public final class RatingWords {

    /** Why a round is called back: every bad rating is. */
    public static final String BAD_RATING = "BAD_RATING";

    private RatingWords() {
    }

    /** The rating in words; {@code level} null when the round is not rated (yet). */
    public static String of(Integer level, Boolean resolved, boolean defaulted) {
        if (level == null) {
            return "尚未评价";
        }
        return Satisfaction.of(level).map(Satisfaction::label).orElse("") + (Boolean.TRUE.equals(resolved) ? "，已解决" : "，未解决")
                + (defaulted ? "（默认评价）" : "");
    }

    public static String visitReason(String reason) {
        return BAD_RATING.equals(reason) ? "差评回访" : "抽样回访";
    }
}
