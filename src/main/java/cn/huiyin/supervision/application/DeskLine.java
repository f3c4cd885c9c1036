package cn.huiyin.supervision.application;

import java.time.Instant;
import java.util.List;

/**
 * One late appeal on the desk. {@code lateClock} is the clock that ran out (null for an appeal supervised by hand
 * with no clock out); {@code lateMinutes} counts office minutes on working days from its deadline until now, or until
 * the clock stopped. Of the appeal's latest order, at most one of the two is set: {@code openOrder} while it waits
 * for the unit's answer (open or climbed), {@code lastAnswered} once answered, so the supervisor reads the unit's
 * explanation (情况说明) where they issued the order, and may issue a new one.
 */
public record DeskLine(String trackingNo, String title, String status, String statusLabel, String unitCode,
        String unitName, String holder, String holderName, boolean supervised, String lateClock, String lateClockLabel,
        Instant breachAt, boolean clockStopped, Long lateMinutes, String lateWords, List<LadderEntry> ladder,
        OrderView openOrder, OrderView lastAnswered) {

    /** A fired step of the ladder. */
    public record LadderEntry(String clock, String clockLabel, String step, String stepLabel, Instant dueAt,
            Instant firedAt) {
    }
}
