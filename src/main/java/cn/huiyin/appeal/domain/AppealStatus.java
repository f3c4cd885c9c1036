package cn.huiyin.appeal.domain;

/** Where an appeal stands in its lifecycle (工单流转). */
public enum AppealStatus {
    RECEIVED("受理"),
    DISPATCHED("派单"),
    ACCEPTED("签收"),
    HANDLING("办理"),
    REPLIED("答复"),
    EVALUATED("评价"),
    CLOSED("归档"),
    RETURNED("退单"),
    REWORK("整改"),
    MERGED("并单");

    private final String label;

    AppealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for its answer (a merged duplicate may join it and be answered with it). */
    public boolean awaitsAnswer() {
        return this == RECEIVED || this == DISPATCHED || this == ACCEPTED || this == HANDLING || this == RETURNED
                || this == REWORK;
    }

    /** Still someone's work: a merged appeal is answered through its parent, so it is not. */
    public boolean isOpen() {
        return this != CLOSED && this != MERGED;
    }
}
