package cn.huiyin.metrics.domain;

/**
 * The published rates: each is one count over another, both drillable, or (a {@link #complement()} figure, where
 * fewer is better) one minus that ratio. The formula text is what the API answer, the dashboard and docs/metrics.md
 * show.
 */
public enum Figure {
    RESPONSE_RATE("响应率", Count.RESPOND_ON_TIME, Count.RESPOND_DUE,
            "按时响应数 ÷ 应响应数（响应时限内签收并首次联系；已超时未响应的计入分母）"),
    RESOLUTION_RATE("解决率", Count.RESOLVED, Count.RATED, "评价为已解决数 ÷ 参评数（复核剔除的评价不计）"),
    SATISFACTION_RATE("满意率", Count.SATISFIED, Count.RATED, "评价3–5分数 ÷ 参评数（复核剔除的评价不计）"),
    ON_TIME_COMPLETION("按期办结率", Count.HANDLE_ON_TIME, Count.HANDLE_DUE,
            "处置时限内答复数 ÷ 应办结数（已答复或处置时限已到）"),
    REWORK_RATE("整改率", Count.REWORKED, Count.REPLIED, "有整改的诉求数 ÷ 已答复数"),
    RETURN_RATE("退单率", Count.RETURNED, Count.DISPATCHED, "有退单的诉求数 ÷ 已派单数"),
    TRANSFER_RATE("转办率", Count.TRANSFERRED, Count.DISPATCHED, "有转办的诉求数 ÷ 已派单数"),
    UNSUPERVISED_RATE("免督办率", Count.SUPERVISED, Count.RECEIVED,
            "1 − 被督办诉求数 ÷ 受理诉求数（被下发过督办单的诉求，不论几张，只计一次）", true);

    private final String label;
    private final Count numerator;
    private final Count denominator;
    private final String formula;
    private final boolean complement;

    Figure(String label, Count numerator, Count denominator, String formula) {
        this(label, numerator, denominator, formula, false);
    }

    Figure(String label, Count numerator, Count denominator, String formula, boolean complement) {
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
        this.formula = formula;
        this.complement = complement;
    }

    public String label() {
        return label;
    }

    public Count numerator() {
        return numerator;
    }

    public Count denominator() {
        return denominator;
    }

    public String formula() {
        return formula;
    }

    /** The rate is 1 − numerator ÷ denominator: the numerator counts what should not happen. */
    public boolean complement() {
        return complement;
    }

    /** The rate in [0, 1], or null when nothing is in the denominator (no rate rather than a made-up 0 or 100 %). */
    public Double of(Rollup rollup) {
        long below = rollup.count(denominator);
        if (below == 0) {
            return null;
        }
        double share = (double) rollup.count(numerator) / below;
        return complement ? 1 - share : share;
    }
}
