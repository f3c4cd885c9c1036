package cn.huiyin.supervision.domain;

/** Where a supervision order (督办单) stands. */
public enum OrderState {
    /** issued, waiting for the unit leader's explanation */
    OPEN("待答复"),
    /** not answered by its deadline: the district leader follows it now; the unit can still answer */
    ESCALATED("逾期未复，已升级至区领导"),
    /** the unit leader's explanation is in */
    ANSWERED("已答复");

    private final String label;

    OrderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for the unit's explanation (so no second order on the same appeal). */
    public boolean awaitsAnswer() {
        return this != ANSWERED;
    }
}
