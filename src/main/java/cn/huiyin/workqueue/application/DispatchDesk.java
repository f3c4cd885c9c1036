package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchDecision;
import cn.huiyin.routing.domain.DispatchPolicy;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.HandOverClocks;
import cn.huiyin.sla.application.ClockExtensions;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.AppealSteps.Step;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
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

    static boolean isDispatcher(Caller caller, Locked appeal) {
        return caller.hasRole(Roles.DISPATCHER);
    }

    /**
     * Places a received appeal: the category decides the unit (a street for local matters); {@code unit} is
     * needed only where the catalogue leaves it to the dispatcher.
     */
    public Uni<Moved> dispatch(String trackingNo, Caller caller, String category, String unit) {
        String no = AppealSteps.trackingNumber(trackingNo);
        return Uni.combine().all().unis(catalogue.current(), desk.streetOf(no)).asTuple().chain(loaded -> {
            String target = unitFor(loaded.getItem1(), category, unit, loaded.getItem2().orElse(null));
            Step step = Step.of(AppealAction.DISPATCH, new AppealEvent.Dispatched(target, category, "DISPATCHER", null),
                    "placed by a dispatcher")
                    .also((tx, appeal, now) -> records.setCategory(tx, appeal.id(), category)
                            .chain(() -> handOverClocks.armAtManualDispatch(tx, appeal.id(), target, appeal.appealType(), category,
                                    appeal.urgent(), now))
                            .chain(() -> handOff.placeWith(tx, appeal, target, now, false))
                            .call(() -> desk.recordExample(tx, appeal.id(), category))
                            .map(DispatchDesk::withDesk));
            return steps.perform(no, caller, DispatchDesk::isDispatcher, step);
        }).invoke(routing::examplesChanged);
    }

    /**
     * Arbitrates a return (退单): accepted → re-dispatched to {@code toUnit} (改派); refused → back to the unit
     * that returned it, which must handle it.
     */
    public Uni<Moved> decideReturn(String trackingNo, Caller caller, boolean accept, String toUnit, String reason) {
        if (!accept) {
            return steps.perform(trackingNo, caller, DispatchDesk::isDispatcher,
                    Step.of(AppealAction.REFUSE_RETURN, new AppealEvent.ReturnRefused(), reason).internal()
                            .also((tx, appeal, now) -> handOff.placeWith(tx, appeal, appeal.handlingUnit(), now, false)
                                    .map(DispatchDesk::withDesk)));
        }
        return catalogue.current().chain(rules -> {
            if (toUnit == null || !rules.unitNames().containsKey(toUnit)) {
                throw ProblemException.badRequest("toUnit", "Name the unit the appeal goes to instead");
            }
            return steps.perform(trackingNo, caller, DispatchDesk::isDispatcher,
                    Step.of(AppealAction.REDISPATCH, new AppealEvent.Redispatched(toUnit), reason)
                            .when((tx, appeal, now) -> {
                                if (toUnit.equals(appeal.handlingUnit())) {
                                    throw ProblemException.badRequest("toUnit", "The unit that returned it cannot get it back by "
                                            + "re-dispatch; refuse the return instead");
                                }
                                return Uni.createFrom().voidItem();
                            })
                            .also((tx, appeal, now) -> handOff.placeWith(tx, appeal, toUnit, now).map(DispatchDesk::withDesk)));
        });
    }

    /**
     * Co-handling (主办/协办): {@code unit} helps the lead unit. Its staff see the appeal in their queue and may add
     * progress notes; the lead unit replies. A dispatcher or the lead unit's leader decides.
     */
    public Uni<Moved> addHelper(String trackingNo, Caller caller, String unit) {
        return catalogue.current().chain(rules -> {
            if (!rules.unitNames().containsKey(unit)) {
                throw ProblemException.badRequest("unit", "No handling unit has the code " + unit);
            }
            return steps.perform(trackingNo, caller, (who, appeal) -> who.hasRole(Roles.DISPATCHER)
                    || who.hasRole(Roles.UNIT_LEADER) && unit != null && java.util.Objects.equals(who.unitCode(), appeal.handlingUnit()),
                    Step.of(null, new AppealEvent.CoHandling(unit), null)
                            .when((tx, appeal, now) -> {
                                if (unit.equals(appeal.handlingUnit())) {
                                    throw ProblemException.badRequest("unit", "The lead unit cannot also help");
                                }
                                return Uni.createFrom().voidItem();
                            })
                            .also((tx, appeal, now) -> desk.addHelper(tx, appeal.id(), unit, caller, now).replaceWith(List.of(unit))));
        });
    }

    /** Joins a duplicate to its parent (并单): the child's clocks stop, and it will receive the parent's answer. */
    public Uni<Moved> merge(String childNo, Caller caller, String parentNo) {
        String parent = AppealSteps.trackingNumber(parentNo);
        return steps.perform(childNo, caller, DispatchDesk::isDispatcher,
                Step.of(AppealAction.MERGE, new AppealEvent.Merged(parent), null)
                        .stopping(ClockKind.values())
                        .also((tx, child, now) -> desk.linkToParent(tx, child, parent).map(DispatchDesk::withDesk)));
    }

    /** Approves (the clock is extended, once) or refuses an open extension request: one transaction, decision and effect. */
    public Uni<DispatchDeskRepository.ExtensionDecision> decideExtension(long requestId, Caller caller, boolean approve, String note) {
        return desk.openRequest(requestId).chain(request -> {
            if (!caller.hasRole(Roles.DISPATCHER) && !java.util.Objects.equals(caller.unitCode(), request.unit())) {
                throw ProblemException.notFound("Extension request " + requestId);
            }
            java.time.Instant now = clock.instant();
            return desk.inTransaction(tx -> desk.decide(tx, requestId, caller, approve, note, now)
                    .call(() -> approve
                            ? clocks.extendInTransaction(tx, request.appealId(), ClockKind.valueOf(request.clock()),
                                    request.workingDays(), caller.actor(), request.reason())
                            : desk.refuseInTimeline(tx, request, caller, note, now)))
                    .invoke(decided -> live.publish(new LiveUpdates.Update(request.unit(), request.trackingNo(), "EXTENSION_DECIDED")));
        });
    }

    private static String unitFor(Catalogue rules, String category, String unit, String street) {
        if (!rules.knowsCategory(category)) {
            throw ProblemException.badRequest("category", "No category " + category + " in the catalogue");
        }
        DispatchDecision decision = DispatchPolicy.decide(rules, category, street);
        if (decision instanceof DispatchDecision.ToUnit toUnit) {
            if (unit != null && !unit.equals(toUnit.unitCode())) {
                throw ProblemException.badRequest("unit", "The catalogue places " + category + " with " + toUnit.unitCode());
            }
            return toUnit.unitCode();
        }
        if (unit == null || !rules.unitNames().containsKey(unit)) {
            throw ProblemException.badRequest("unit", "The catalogue leaves " + category + " to the dispatcher: name the unit ("
                    + (DispatchRule.BY_STREET.equals(rules.rules().get(category).unitRule()) ? "the street" : "a unit") + ")");
        }
        return unit;
    }

    private static List<String> withDesk(List<String> units) {
        List<String> all = new java.util.ArrayList<>(units);
        all.add(LiveUpdates.DISPATCH_DESK);
        return all;
    }
}
