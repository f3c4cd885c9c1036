package cn.huiyin.appeal.application;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * An appeal's clocks as its view shows them. The SLA capability runs the clocks and implements this; the appeal
 * view asks through it, so the appeal does not depend on the SLA code built on top of it.
 */
public interface AppealClocks {

    /** Every clock the appeal has run or runs, with its state now. */
    Uni<List<ClockView>> clocksOf(long appealId);
}
