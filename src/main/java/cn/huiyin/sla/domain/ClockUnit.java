package cn.huiyin.sla.domain;

import java.time.Duration;

/**
 * How an SLA clock counts. Natural units are plain elapsed time, whatever the calendar says;
 * working units count only office time on working days, as the published rules do (工作日/工作时).
 */
public enum ClockUnit {
    NATURAL_MINUTES,
    NATURAL_HOURS,
    /** Whole 24-hour days of elapsed time, not calendar days. */
    NATURAL_DAYS,
    /** Office time only: an hour that starts at 17:30 on a Friday ends at 09:30 on Monday. */
    WORKING_HOURS,
    /**
     * "N working days counted from the next working day": the day the clock starts never counts, and
     * the clock runs out when the office closes on the Nth working day after it.
     */
    WORKING_DAYS;

    /** Whether this clock needs the work calendar at all. */
    public boolean countsWorkingTime() {
        return this == WORKING_HOURS || this == WORKING_DAYS;
    }

    /** The elapsed time of {@code amount} natural units. */
    Duration naturalLength(long amount) {
        return switch (this) {
            case NATURAL_MINUTES -> Duration.ofMinutes(amount);
            case NATURAL_HOURS -> Duration.ofHours(amount);
            case NATURAL_DAYS -> Duration.ofDays(amount);
            case WORKING_HOURS, WORKING_DAYS -> throw new IllegalStateException(this + " counts office time, not elapsed time");
        };
    }
}
