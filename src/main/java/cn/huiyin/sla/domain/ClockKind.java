package cn.huiyin.sla.domain;

/** The clocks an appeal runs (DESIGN: respond → handle → feedback → evaluate, plus return window and rework). */
public enum ClockKind {
    /** dispatched → accepted and first contact with the enterprise (响应) */
    RESPOND("响应", true),
    /** dispatched → replied (处置) */
    HANDLE("处置", true),
    /** dispatched → the last moment a unit may return a misrouted appeal (退单时限) */
    RETURN_WINDOW("退单时限", false),
    /** replied → return visit done (反馈/回访) */
    FEEDBACK("回访", true),
    /** replied → rated; at the end the default rating applies instead of an escalation (评估) */
    EVALUATE("评价", false, true),
    /** bad rating → replied again (整改) */
    REWORK("整改", true);

    private final String label;
    private final boolean escalates;
    private final boolean actsAtDue;

    ClockKind(String label, boolean escalates) {
        this(label, escalates, false);
    }

    ClockKind(String label, boolean escalates, boolean actsAtDue) {
        this.label = label;
        this.escalates = escalates;
        this.actsAtDue = actsAtDue;
    }

    public String label() {
        return label;
    }

    /** Whether running late on this clock climbs the escalation ladder. */
    public boolean escalates() {
        return escalates;
    }

    /** Whether something happens when the clock runs out (an {@link EscalationStep#EXPIRY} timer is armed). */
    public boolean actsAtDue() {
        return actsAtDue;
    }

    /**
     * Whether an administrator may add versions of this clock's rules. Not the rating window ({@link #EVALUATE}): the
     * rating link sent at the reply expires {@code huiyin.evaluation.link-lifetime} (7 days) after it, stored with the
     * round, so a different window would leave enterprises with a link that outlives the window or dies before it.
     * It changes together with that setting, by migration.
     */
    public boolean configurable() {
        return this != EVALUATE;
    }
}
