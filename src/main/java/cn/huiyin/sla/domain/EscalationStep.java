package cn.huiyin.sla.domain;

import java.util.List;

/** The escalation ladder of a late clock; each step fires once. */
public enum EscalationStep {
    /** 80% of the clock used (黄灯): the handler is warned */
    WARNING("预警"),
    /** the clock ran out (红灯): handler and unit leader */
    OVERDUE("超时"),
    /** one working day after running out (督办): the district office supervises */
    SUPERVISION("督办"),
    /**
     * Not a rung of the ladder: the due time of a clock that acts when it runs out instead of escalating
     * (the rating window's end applies the default rating). Whoever registered a {@code ClockExpiry} acts on it.
     */
    EXPIRY("到期");

    /** Share of the clock's budget at which the warning fires. */
    public static final int WARNING_PERCENT = 80;

    private final String label;

    EscalationStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Who hears of this step for an appeal held by {@code unit} (null when no unit holds it). */
    public List<String> recipients(String unit) {
        String holder = unit == null ? "dispatcher" : "unit:" + unit;
        return switch (this) {
            case WARNING -> List.of(holder + "/handler");
            case OVERDUE -> List.of(holder + "/handler", holder + "/leader");
            case SUPERVISION -> List.of(holder + "/handler", holder + "/leader", "district-office");
            case EXPIRY -> List.of();
        };
    }
}
