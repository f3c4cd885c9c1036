package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealLifecycle;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.domain.Transition;
import cn.huiyin.routing.domain.DispatchDecision;
import cn.huiyin.shared.domain.JsonText;

/**
 * What intake writes for a new appeal: its first status and unit, and its first events (received, then
 * dispatched or awaiting a dispatcher), already hash-chained.
 */
public record IntakePlan(AppealStatus status, String handlingUnit, Instant dispatchedAt, List<PlannedEvent> events) {

    public static final String INTAKE_ACTOR = "system:intake";

    public static IntakePlan of(String trackingNo, String channel, String submittedBy, Instant receivedAt,
            DispatchDecision decision, Instant decidedAt) {
        return of(trackingNo, channel, submittedBy, receivedAt, decision, Map.of(), decidedAt);
    }

    /** @param routing what the dispatched event records of how the unit was chosen (category, routedBy…) */
    public static IntakePlan of(String trackingNo, String channel, String submittedBy, Instant receivedAt,
            DispatchDecision decision, Map<String, Object> routing, Instant decidedAt) {
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("channel", channel);
        PlannedEvent first = PlannedEvent.after(EventChain.GENESIS,
                new ChainEntry(trackingNo, 1, "RECEIVED", submittedBy, receivedAt, null, JsonText.object(received)),
                PlannedEvent.Visibility.PUBLIC);

        if (decision instanceof DispatchDecision.ToUnit toUnit) {
            AppealStatus next = moved(AppealLifecycle.decide(AppealStatus.RECEIVED, AppealAction.DISPATCH));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("unit", toUnit.unitCode());
            payload.putAll(routing);
            PlannedEvent dispatched = PlannedEvent.after(first.hash(), new ChainEntry(trackingNo, 2, "DISPATCHED",
                    INTAKE_ACTOR, decidedAt, toUnit.reason(), JsonText.object(payload)), PlannedEvent.Visibility.PUBLIC);
            return new IntakePlan(next, toUnit.unitCode(), decidedAt, List.of(first, dispatched));
        }
        PlannedEvent awaiting = PlannedEvent.after(first.hash(), new ChainEntry(trackingNo, 2, "AWAITING_DISPATCH",
                INTAKE_ACTOR, decidedAt, decision.reason(), JsonText.object(routing)), PlannedEvent.Visibility.INTERNAL);
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
