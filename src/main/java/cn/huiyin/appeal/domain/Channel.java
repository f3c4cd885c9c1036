package cn.huiyin.appeal.domain;

/** How an appeal came in; the answer goes back the same way. */
public enum Channel {
    WEB("网页"),
    PHONE("电话"),
    WECHAT("微信");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
