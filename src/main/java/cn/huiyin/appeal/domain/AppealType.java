package cn.huiyin.appeal.domain;

/** What the enterprise is asking for; the handling deadline depends on it. */
public enum AppealType {
    CONSULT("咨询"),
    HELP("求助"),
    COMPLAINT("投诉"),
    REPORT("举报"),
    SUGGEST("建议");

    private final String label;

    AppealType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
