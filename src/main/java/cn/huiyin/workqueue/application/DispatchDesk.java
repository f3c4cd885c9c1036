package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.HandOverClocks;
import cn.huiyin.sla.application.ClockExtensions;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.AppealSteps.Step;
import cn.huiyin.workqueue.domain.ExtensionDeciders;
import cn.huiyin.workqueue.domain.HandOverTargets;
import cn.huiyin.workqueue.domain.LiveAudience;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import io.smallrye.mutiny.Uni;

/**
 * The dispatcher's desk (派单): place what routing could not, arbitrate returns, decide extension requests,
 * merge duplicates. Every placement by hand becomes a training example, so routing learns from it.
 */
@ApplicationScoped
public class DispatchDesk {

    @Inject
    AppealSteps steps;

    @Inject
    AppealRecords records;

    @Inject
    HandOffService handOff;

    @Inject
    ClockExtensions clocks;

    @Inject
    HandOverClocks handOverClocks;

    @Inject
    Catalogues catalogue;

    @Inject
    RoutingSuggestions routing;

    @Inject
    DispatchDeskRepository desk;

    @Inject
    LiveUpdates live;

    @Inject
    Clock clock;

    /**
     * Places a received appeal: the category decides the unit (a street for local matters); {@code unit} is
     * needed only where the catalogue leaves it to the dispatcher.
     */
    public Uni<Moved> dispatch(String trackingNo, Caller caller, String category, String unit) {
        String no = AppealSteps.trackingNumber(trackingNo);
        return Uni.combine().all().unis(catalogue.current(), desk.streetOf(no)).asTuple().chain(loaded -> {
            String target = HandOverTargets.dispatch(loaded.getItem1(), category, unit, loaded.getItem2().orElse(null))
                    .unitOrThrow(ProblemException::badRequest);
            Step step = Step.of((appeal, now) -> appeal.dispatch(caller, target, category))
                    .also((tx, appeal, after, now) -> records.setCategory(tx, appeal.id(), category)
                            .chain(() -> handOverClocks.armAtManualDispatch(tx, appeal.id(), target, appeal.appealType(), category,
                                    appeal.urgent(), now))
                            .chain(() -> handOff.settleIn(tx, appeal, target, now, false))
                            .call(() -> desk.recordExample(tx, appeal.id(), category))
                            .map(DispatchDesk::withDesk));
            return steps.perform(no, caller, step);
        }).invoke(routing::examplesChanged);
    }

    /**
     * Arbitrates a return (退单): accepted → re-dispatched to {@code toUnit} (改派); refused → back to the unit
     * that returned it, which must handle it.
     */
    public Uni<Moved> decideReturn(String trackingNo, Caller caller, boolean accept, String toUnit, String reason) {
        if (!accept) {
            return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.refuseReturn(caller, reason))
                    .also((tx, appeal, after, now) -> handOff.settleIn(tx, appeal, appeal.handlingUnit(), now, false)
                            .map(DispatchDesk::withDesk)));
        }
        return catalogue.current().chain(rules -> {
            HandOverTargets.redispatch(rules, toUnit).unitOrThrow(ProblemException::badRequest);
            return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.redispatch(caller, toUnit, reason))
                    .also((tx, appeal, after, now) -> handOff.settleIn(tx, appeal, toUnit, now, true).map(DispatchDesk::withDesk)));
        });
    }

    /**
     * Co-handling (主办/协办): {@code unit} helps the lead unit. Its staff see the appeal in their queue and may add
     * progress notes; the lead unit replies. A dispatcher or the lead unit's leader decides.
     */
    public Uni<Moved> addHelper(String trackingNo, Caller caller, String unit) {
        return catalogue.current().chain(rules -> {
            HandOverTargets.helper(rules, unit).unitOrThrow(ProblemException::badRequest);
            return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.addHelper(caller, unit))
                    .also((tx, appeal, after, now) -> desk.addHelper(tx, appeal.id(), unit, caller, now).replaceWith(List.of(unit))));
        });
    }

    /** Joins a duplicate to its parent (并单): the child's clocks stop, and it will receive the parent's answer. */
    public Uni<Moved> merge(String childNo, Caller caller, String parentNo) {
        String parent = AppealSteps.trackingNumber(parentNo);
        return steps.perform(childNo, caller, Step.of((appeal, now) -> appeal.merge(caller, parent))
                .stopping(ClockKind.values())
                .also((tx, child, after, now) -> desk.linkToParent(tx, child, parent).map(DispatchDesk::withDesk)));
    }

    /** Approves (the clock is extended, once) or refuses an open extension request: one transaction, decision and effect. */
    public Uni<DispatchDeskRepository.ExtensionDecision> decideExtension(long requestId, Caller caller, boolean approve, String note) {
        return desk.openRequest(requestId).chain(request -> {
            if (!ExtensionDeciders.mayDecide(caller, request.unit())) {
                throw ProblemException.notFound("Extension request " + requestId);
            }
            java.time.Instant now = clock.instant();
            return desk.inTransaction(tx -> desk.decide(tx, requestId, caller, approve, note, now)
                    .call(() -> approve
                            ? clocks.extend(tx, request.appealId(), ClockKind.valueOf(request.clock()),
                                    request.workingDays(), caller.actor(), request.reason())
                            : desk.refuseInTimeline(tx, request, caller, note, now)))
                    .invoke(decided -> live.publish(new LiveUpdates.Update(request.unit(), request.trackingNo(), "EXTENSION_DECIDED")));
        });
    }

    private static List<String> withDesk(List<String> units) {
        return LiveAudience.withDesk(units);
    }
}
