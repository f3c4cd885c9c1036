package cn.huiyin.sla.domain;

import java.time.Instant;

/** How a clock stands, as shown on an appeal (按时 / 预警 / 超时 / 督办 / 已停止). */
public enum ClockState {
    ON_TIME("按时"),
    WARNING("预警"),
    OVERDUE("超时"),
    SUPERVISED("督办"),
    STOPPED("已停止");

    private final String label;

    ClockState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From the clock's timers as they stand at {@code now}. */
    public static ClockState of(Instant now, Instant stoppedAt, Instant warningAt, Instant dueAt, Instant supervisionAt) {
        if (stoppedAt != null) {
            return STOPPED;
        }
        if (supervisionAt != null && !now.isBefore(supervisionAt)) {
            return SUPERVISED;
        }
        if (!now.isBefore(dueAt)) {
            return OVERDUE;
        }
        if (warningAt != null && !now.isBefore(warningAt)) {
            return WARNING;
        }
        return ON_TIME;
    }
}
