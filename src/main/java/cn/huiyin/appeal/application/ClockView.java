package cn.huiyin.appeal.application;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One clock as an appeal view shows it: due time, working time left, and how it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockView(String clock, String label, int round, Instant startedAt, Instant dueAt, Instant warningAt,
        Instant supervisionAt, Instant stoppedAt, Long workingMinutesLeft, String state, String stateLabel,
        int extendedDays) {
}
