package cn.huiyin.sla.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.persistence.ClockRepository;
import cn.huiyin.sla.persistence.ClockRepository.Start;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The clocks when an appeal changes hands: placed by a dispatcher, transferred or re-dispatched to another unit,
 * returned to the dispatch centre. All in the caller's transaction.
 */
@ApplicationScoped
public class HandOverClocks {

    @Inject
    SlaClockService dispatchClocks;

    @Inject
    ClockRepository clocks;

    @Inject
    SlaCalendar calendar;

    /**
     * An appeal a dispatcher places by hand: its dispatch clocks start now, as intake would have started them.
     */
    public Uni<Void> armAtManualDispatch(SqlClient tx, long appealId, String unit, String appealType, String category,
            boolean urgent, Instant at) {
        return calendar.planner().chain(planner -> dispatchClocks.armAtDispatch(tx, List.of(new SlaClockService.Dispatched(appealId, unit, at,
                planner.atDispatch(appealType, category, urgent, at)))));
    }

    /**
     * The appeal moves to another unit (transfer, re-dispatch): the enterprise's clocks keep running — nobody wins
     * time by passing an appeal on — but the new unit takes custody and, unless a return was refused, gets its
     * own return window.
     */
    public Uni<Void> handOver(SqlClient tx, long appealId, String unit, String appealType, String category, boolean urgent,
            Instant at, boolean newReturnWindow) {
        return calendar.planner().chain(planner -> {
            List<ClockPlan> window = planner.atDispatch(appealType, category, urgent, at).stream()
                    .filter(plan -> newReturnWindow && plan.clock() == ClockKind.RETURN_WINDOW).toList();
            Uni<Void> closeOld = newReturnWindow
                    ? clocks.stopRunning(tx, appealId, new String[] { ClockKind.RETURN_WINDOW.name() }, at)
                    : Uni.createFrom().voidItem();
            return closeOld
                    .chain(() -> clocks.nextRound(tx, appealId, ClockKind.RETURN_WINDOW.name()))
                    .chain(round -> clocks.start(tx, window.stream().map(plan -> new Start(appealId, round, plan)).toList()))
                    .chain(() -> clocks.takeCustody(tx, List.of(Tuple.of(appealId, unit, at.atOffset(ZoneOffset.UTC)))));
        });
    }

    /** The dispatch centre takes the appeal back (a return): custody moves, the return window is used up. */
    public Uni<Void> takeBack(SqlClient tx, long appealId, String centre, Instant at) {
        return clocks.stopRunning(tx, appealId, new String[] { ClockKind.RETURN_WINDOW.name() }, at)
                .chain(() -> clocks.takeCustody(tx, List.of(Tuple.of(appealId, centre, at.atOffset(ZoneOffset.UTC)))));
    }

    /** Whether a clock of the appeal runs now (in the caller's transaction). */
    public Uni<Boolean> isRunning(SqlClient tx, long appealId, ClockKind kind) {
        return clocks.isRunning(tx, appealId, kind.name(), null);
    }

    /** Whether the appeal's return window is open at {@code at}. */
    public Uni<Boolean> returnWindowOpen(SqlClient tx, long appealId, Instant at) {
        return clocks.isRunning(tx, appealId, ClockKind.RETURN_WINDOW.name(), at);
    }
}
