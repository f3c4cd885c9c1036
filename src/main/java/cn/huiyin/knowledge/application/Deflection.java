package cn.huiyin.knowledge.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far the knowledge base's answers kept 咨询 from becoming appeals, over the days {@code from}…{@code to} (Beijing
 * time) for the articles of {@code unitCode} (null: all units): per channel an enterprise asks on, overall, and per
 * article. Counted in sessions: one asker on one channel on one day. {@code matureBefore}: only sessions whose last
 * answer was shown before it (24 hours before {@code computedAt}) count towards the deflection rate, because a
 * younger one may yet be followed by an appeal.
 */
public record Deflection(LocalDate from, LocalDate to, String unitCode, Instant computedAt, Instant matureBefore,
        List<ChannelFigures> channels, Figures overall, List<ArticleFigures> articles, List<Formula> formulas) {

    public static final String DEFLECTION_FORMULA = "分流率 = 已满24小时的已解答会话中，24小时内未再提交诉求的会话数 ÷ 已满24小时的已解答会话数"
            + "（会话 = 同一提问人、同一渠道、同一天；已解答 = 知识库给出了确定答案；未满24小时的会话不计入）";
    public static final String HELPFULNESS_FORMULA = "有用率 = 答复“有用”的回答数 ÷（答复“有用”的回答数 + 答复“没用”的回答数）";
    public static final String ANSWERED_FORMULA = "已解答会话 = 知识库给出确定答案的（提问人, 渠道, 日）数；"
            + "24小时内转诉求 = 其中提问人在答案展示后24小时内仍提交了诉求的会话数";

    /**
     * One set of counts. {@code shown}: sessions shown any article (an answer or a suggestion); {@code answered}:
     * sessions given a sure answer; {@code followed}: answered sessions whose asker filed an appeal within 24 hours
     * of an answer; {@code settled}: answered sessions at least 24 hours old, {@code deflected} those of them not
     * followed; {@code helpful} / {@code notHelpful}: answers the asker called 有用 / 没用. The rates are null when
     * their denominator is zero.
     */
    public record Figures(long shown, long answered, long followed, long settled, long deflected, long helpful,
            long notHelpful) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

        /** deflected ÷ settled. */
        @JsonProperty
        public Double deflectionRate() {
            return settled == 0 ? null : (double) deflected / settled;
        }

        /** helpful ÷ (helpful + notHelpful). */
        @JsonProperty
        public Double helpfulness() {
            return helpful + notHelpful == 0 ? null : (double) helpful / (helpful + notHelpful);
        }

        @JsonIgnore
        public String deflectionPercent() {
            return percent(deflectionRate());
        }

        @JsonIgnore
        public String helpfulnessPercent() {
            return percent(helpfulness());
        }

        Figures plus(Figures other) {
            return new Figures(shown + other.shown, answered + other.answered, followed + other.followed,
                    settled + other.settled, deflected + other.deflected, helpful + other.helpful,
                    notHelpful + other.notHelpful);
        }

        private static String percent(Double rate) {
            return rate == null ? "—" : String.format("%.1f%%", rate * 100);
        }
    }

    /** A channel's figures: {@code WEB}, {@code WECHAT}, {@code PHONE}, with its Chinese label. */
    public record ChannelFigures(String channel, String label, Figures figures) {
    }

    /**
     * An article's figures: sessions it was shown in, sessions it was the sure answer in (and of those, followed and
     * settled ones), feedback on it; and whether it is flagged for review (since when, and why).
     */
    public record ArticleFigures(long articleId, String title, String unitCode, Figures figures, Instant reviewFlaggedAt,
            String reviewFlagReason) {

        public boolean flagged() {
            return reviewFlaggedAt != null;
        }
    }

    /** A figure's name and how it is computed, as the API and the page state it. */
    public record Formula(String figure, String formula) {
    }

    static List<Formula> allFormulas() {
        return List.of(new Formula("deflectionRate", DEFLECTION_FORMULA), new Formula("helpfulness", HELPFULNESS_FORMULA),
                new Formula("answered", ANSWERED_FORMULA));
    }

    /** The counts of all channels together (a session belongs to one channel, so they add up). */
    static Figures sum(List<ChannelFigures> channels) {
        return channels.stream().map(ChannelFigures::figures).reduce(Figures.NONE, Figures::plus);
    }
}
