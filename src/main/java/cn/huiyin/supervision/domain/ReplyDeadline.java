package cn.huiyin.supervision.domain;

import java.time.Instant;

import cn.huiyin.sla.domain.ClockUnit;
import cn.huiyin.sla.domain.DeadlineCalculator;

/**
 * When a supervision order must be answered: the office's closing time on the Nth working day after the day it was
 * issued, counted by the SLA's work calendar (holidays and make-up workdays included), so that an order issued on a
 * Friday afternoon before a holiday week still leaves the unit N real working days.
 */
public final class ReplyDeadline {

    public static final int FEWEST_DAYS = 1;
    public static final int MOST_DAYS = 10;

    private ReplyDeadline() {
    }

    public static Instant of(DeadlineCalculator calculator, Instant issuedAt, int workingDays) {
        if (workingDays < FEWEST_DAYS || workingDays > MOST_DAYS) {
            throw new IllegalArgumentException("a reply deadline is 1 to 10 working days, not " + workingDays);
        }
        return calculator.dueAt(issuedAt, workingDays, ClockUnit.WORKING_DAYS).due();
    }
}
