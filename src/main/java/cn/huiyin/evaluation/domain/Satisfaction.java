package cn.huiyin.evaluation.domain;

import java.util.Arrays;
import java.util.Optional;

/** The five satisfaction levels of 好差评; only 2 and 1 are bad (差评). */
public enum Satisfaction {
    VERY_SATISFIED(5, "非常满意"),
    SATISFIED(4, "满意"),
    BASICALLY_SATISFIED(3, "基本满意"),
    DISSATISFIED(2, "不满意"),
    VERY_DISSATISFIED(1, "非常不满意");

    private final int level;
    private final String label;

    Satisfaction(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public int level() {
        return level;
    }

    public String label() {
        return label;
    }

    public boolean bad() {
        return level <= 2;
    }

    public static Optional<Satisfaction> of(int level) {
        return Arrays.stream(values()).filter(s -> s.level == level).findFirst();
    }
}
