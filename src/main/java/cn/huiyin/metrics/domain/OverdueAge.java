package cn.huiyin.metrics.domain;

import java.time.Duration;
import java.time.Instant;

/** How long an open appeal has been past its handling due time (natural time), in the buckets leaders read. */
public enum OverdueAge {
    UP_TO_1_DAY("超期1天内", 0, 1),
    DAYS_1_TO_3("超期1–3天", 1, 3),
    DAYS_3_TO_7("超期3–7天", 3, 7),
    OVER_7_DAYS("超期7天以上", 7, Integer.MAX_VALUE);

    private final String label;
    private final int fromDays;
    private final int toDays;

    OverdueAge(String label, int fromDays, int toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    public String label() {
        return label;
    }

    /** Lower bound, inclusive, of the time past due. */
    public Duration from() {
        return Duration.ofDays(fromDays);
    }

    /** Upper bound, exclusive, or null for the last bucket. */
    public Duration to() {
        return toDays == Integer.MAX_VALUE ? null : Duration.ofDays(toDays);
    }

    public static OverdueAge of(Instant due, Instant now) {
        Duration past = Duration.between(due, now);
        for (OverdueAge age : values()) {
            if (age.to() == null || past.compareTo(age.to()) < 0) {
                return age;
            }
        }
        return OVER_7_DAYS;
    }
}
