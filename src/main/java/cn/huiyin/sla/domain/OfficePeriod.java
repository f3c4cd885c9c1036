package cn.huiyin.sla.domain;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of office time within a working day, such as 09:00–12:00. The start is inside office
 * time and the end is not, so an appeal arriving at exactly 12:00 waits for the afternoon.
 * Periods cannot run past midnight: a district office does not work night shifts.
 */
public record OfficePeriod(LocalTime start, LocalTime end) {

    public OfficePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("an office period must end after it starts: " + start + "-" + end);
        }
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
