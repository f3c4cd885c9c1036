package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.List;

import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealEventCodec;
import cn.huiyin.appeal.domain.AppealLifecycle;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.domain.Transition;
import cn.huiyin.routing.domain.DispatchDecision;

/**
 * What intake writes for a new appeal: its first status and unit, and its first events (received, then
 * dispatched or awaiting a dispatcher), already hash-chained.
 */
public record IntakePlan(AppealStatus status, String handlingUnit, Instant dispatchedAt, List<PlannedEvent> events) {

    public static final String INTAKE_ACTOR = "system:intake";

    /**
     * How the unit was chosen, as the dispatched (or awaiting) event records it: the category (null while nobody
     * knows it), who placed it (CATALOGUE, CLASSIFIER, DISPATCHER) and the classifier's confidence if it ranked.
     */
    public record Routing(String category, String routedBy, Double confidence) {
    }

    public static IntakePlan of(String trackingNo, String channel, String submittedBy, Instant receivedAt,
            DispatchDecision decision, Routing routing, Instant decidedAt) {
        PlannedEvent first = PlannedEvent.after(EventChain.GENESIS, new ChainEntry(trackingNo, 1, "RECEIVED", submittedBy,
                receivedAt, null, AppealEventCodec.payload(new AppealEvent.Received(channel))), PlannedEvent.Visibility.PUBLIC);

        if (decision instanceof DispatchDecision.ToUnit toUnit) {
            AppealStatus next = moved(AppealLifecycle.decide(AppealStatus.RECEIVED, AppealAction.DISPATCH));
            AppealEvent dispatchedEvent = new AppealEvent.Dispatched(toUnit.unitCode(), routing.category(), routing.routedBy(),
                    routing.confidence());
            PlannedEvent dispatched = PlannedEvent.after(first.hash(), new ChainEntry(trackingNo, 2, dispatchedEvent.type(),
                    INTAKE_ACTOR, decidedAt, toUnit.reason(), AppealEventCodec.payload(dispatchedEvent)),
                    PlannedEvent.Visibility.PUBLIC);
            return new IntakePlan(next, toUnit.unitCode(), decidedAt, List.of(first, dispatched));
        }
        AppealEvent awaitingEvent = new AppealEvent.AwaitingDispatch(routing.category(), routing.routedBy(),
                routing.confidence());
        PlannedEvent awaiting = PlannedEvent.after(first.hash(), new ChainEntry(trackingNo, 2, awaitingEvent.type(),
                INTAKE_ACTOR, decidedAt, decision.reason(), AppealEventCodec.payload(awaitingEvent)),
                PlannedEvent.Visibility.INTERNAL);
        return new IntakePlan(AppealStatus.RECEIVED, null, null, List.of(first, awaiting));
    }

    private static AppealStatus moved(Transition transition) {
        if (transition instanceof Transition.Moved moved) {
            return moved.to();
        }
        throw new IllegalStateException(String.valueOf(transition));
    }

    public byte[] lastHash() {
        return events.get(events.size() - 1).hash();
    }
}
