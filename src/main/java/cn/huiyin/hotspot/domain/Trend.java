package cn.huiyin.hotspot.domain;

/** Whether a hot spot is growing: its appeals of the last week against the week before. */
public enum Trend {
    RISING("↑", "上升"),
    STEADY("→", "持平"),
    FALLING("↓", "下降");

    private final String arrow;
    private final String label;

    Trend(String arrow, String label) {
        this.arrow = arrow;
        this.label = label;
    }

    public static Trend of(int lastSpan, int spanBefore) {
        return lastSpan > spanBefore ? RISING : lastSpan < spanBefore ? FALLING : STEADY;
    }

    public String arrow() {
        return arrow;
    }

    public String label() {
        return label;
    }
}
