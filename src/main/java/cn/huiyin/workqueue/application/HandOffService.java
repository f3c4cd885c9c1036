package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.HandOverClocks;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.WorkQueueConfig;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.AppealSteps.Step;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
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
    AppealRecords records;

    @Inject
    WorkQueueRepository appeals;

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
            if (!rules.unitNames().containsKey(toUnit)) {
                throw ProblemException.badRequest("toUnit", "No handling unit has the code " + toUnit);
            }
            return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                    Step.of(AppealAction.TRANSFER, new AppealEvent.Transferred(toUnit), reason)
                            .when((tx, appeal, now) -> {
                                if (toUnit.equals(appeal.handlingUnit())) {
                                    throw ProblemException.badRequest("toUnit", "The appeal is already with " + toUnit);
                                }
                                return WorkQueueService.holder(caller, AppealAction.TRANSFER).check(tx, appeal, now);
                            })
                            .also((tx, appeal, now) -> placeWith(tx, appeal, toUnit, now)));
        });
    }

    /** Sends a misrouted appeal back to the dispatcher, with a reason, while the return window is open. */
    public Uni<Moved> giveBack(String trackingNo, Caller caller, String reason) {
        return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                Step.of(AppealAction.RETURN, new AppealEvent.Returned(), reason).internal()
                        .when((tx, appeal, now) -> clocks.returnWindowOpen(tx, appeal.id(), now)
                                .invoke(open -> AppealSteps.enforce(appeal.appeal().returnableBy(caller, open),
                                        appeal.trackingNo()))
                                .replaceWithVoid())
                        .also((tx, appeal, now) -> records.assign(tx, appeal.id(), null, null)
                                .chain(() -> clocks.takeBack(tx, appeal.id(), config.dispatchCentre(), now))
                                .replaceWith(List.of(LiveUpdates.DISPATCH_DESK))));
    }

    /** Asks the dispatcher (or the unit's leader) for more working days on a running clock. */
    public Uni<Moved> requestExtension(String trackingNo, Caller caller, ClockKind clock, int workingDays, String reason) {
        return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                Step.of(null, new AppealEvent.ExtensionRequested(clock.name(), workingDays), reason).internal()
                        .when((tx, appeal, now) -> clocks.isRunning(tx, appeal.id(), clock)
                                .invoke(running -> {
                                    if (!running) {
                                        throw AppealSteps.conflict("no " + clock + " clock is running");
                                    }
                                }).replaceWithVoid())
                        .also((tx, appeal, now) -> desk.requestExtension(tx, appeal.id(), clock.name(), workingDays, reason,
                                caller.actor(), now)
                                .map(recorded -> {
                                    if (!recorded) {
                                        throw AppealSteps.conflict("an extension request for this appeal is already waiting");
                                    }
                                    return List.of(LiveUpdates.DISPATCH_DESK);
                                })));
    }

    /** The appeal now belongs to {@code unit}: custody, a fresh return window, and a commissioner there. */
    Uni<List<String>> placeWith(SqlConnection tx, Locked appeal, String unit, Instant now) {
        return placeWith(tx, appeal, unit, now, true);
    }

    /** @param newReturnWindow false when a return was refused: the unit had its chance to return it */
    Uni<List<String>> placeWith(SqlConnection tx, Locked appeal, String unit, Instant now, boolean newReturnWindow) {
        return records.placeWith(tx, appeal.id(), unit, "DISPATCHED")
                .chain(() -> clocks.handOver(tx, appeal.id(), unit, appeal.appealType(), appeal.category(), appeal.urgent(), now,
                        newReturnWindow))
                .chain(() -> assignment.assign(tx, appeal.id(), now))
                .replaceWith(List.of(unit));
    }
}
