package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.HandOverClocks;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.WorkQueueConfig;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.AppealSteps.Step;
import cn.huiyin.workqueue.domain.HandOverTargets;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * When an appeal is not (only) the unit's to answer: transfer it to another unit (转办), return it to the
 * dispatcher within the return window (退单), or ask for more time (延期).
 */
@ApplicationScoped
public class HandOffService {

    @Inject
    AppealSteps steps;

    @Inject
    HandOverClocks clocks;

    @Inject
    DispatchDeskRepository desk;

    @Inject
    Assignment assignment;

    @Inject
    Catalogues catalogue;

    @Inject
    WorkQueueConfig config;

    /** Hands the appeal to {@code toUnit}, which must sign for it afresh; the enterprise's clocks keep running. */
    public Uni<Moved> transfer(String trackingNo, Caller caller, String toUnit, String reason) {
        return catalogue.current().chain(rules -> {
            HandOverTargets.transfer(rules, toUnit).unitOrThrow(ProblemException::badRequest);
            return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.transfer(caller, toUnit, reason))
                    .also((tx, appeal, after, now) -> settleIn(tx, appeal, toUnit, now, true)));
        });
    }

    /** Sends a misrouted appeal back to the dispatcher, with a reason, while the return window is open. */
    public Uni<Moved> giveBack(String trackingNo, Caller caller, String reason) {
        return steps.perform(trackingNo, caller, Step.reading((tx, appeal, now) -> clocks.returnWindowOpen(tx, appeal.id(), now)
                .map(open -> appeal.appeal().giveBack(caller, open, reason)))
                .also((tx, appeal, after, now) -> clocks.takeBack(tx, appeal.id(), config.dispatchCentre(), now)
                        .replaceWith(List.of(LiveUpdates.DISPATCH_DESK))));
    }

    /** Asks the dispatcher (or the unit's leader) for more working days on a running clock. */
    public Uni<Moved> requestExtension(String trackingNo, Caller caller, ClockKind clock, int workingDays, String reason) {
        return steps.perform(trackingNo, caller, Step.reading((tx, appeal, now) -> clocks.isRunning(tx, appeal.id(), clock)
                .map(running -> appeal.appeal().requestExtension(caller, clock.name(), workingDays, running, reason)))
                .also((tx, appeal, after, now) -> desk.requestExtension(tx, appeal.id(), clock.name(), workingDays, reason,
                        caller.actor(), now)
                        .map(recorded -> {
                            if (!recorded) {
                                throw ProblemException.conflict("an extension request for this appeal is already waiting");
                            }
                            return List.of(LiveUpdates.DISPATCH_DESK);
                        })));
    }

    /**
     * The appeal now belongs to {@code unit} (its row says so already): custody and its clocks, and a commissioner
     * there.
     *
     * @param newReturnWindow false when a return was refused: the unit had its chance to return it
     */
    Uni<List<String>> settleIn(SqlConnection tx, Locked appeal, String unit, Instant now, boolean newReturnWindow) {
        return clocks.handOver(tx, appeal.id(), unit, appeal.appealType(), appeal.category(), appeal.urgent(), now,
                newReturnWindow)
                .chain(() -> assignment.assign(tx, appeal.id(), now))
                .replaceWith(List.of(unit));
    }
}
