package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealLifecycle;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.domain.Transition;
import cn.huiyin.appeal.persistence.AppealEventAppender;
import cn.huiyin.evaluation.application.EvaluationRounds;
import cn.huiyin.evaluation.application.EvaluationRounds.Replied;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.QueueItem;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A commissioner's actions on an appeal of their unit: accept (签收), record the first contact with the
 * enterprise, reply (答复). Each is one transaction: the lifecycle step, its event in the appeal's chain, the
 * clocks it ends, and the outbox row that tells the enterprise.
 */
@ApplicationScoped
public class WorkQueueService {

    /** The result of an action: where the appeal now stands. */
    public record Moved(String trackingNo, String status, String statusLabel) {
    }

    /** What the rest of the system hears of each step (the notifiers react to AppealReplied). */
    private static final Map<String, String> OUTBOX_TYPES = Map.of("ACCEPTED", "AppealAccepted",
            "FIRST_CONTACT", "AppealContacted", "REPLIED", "AppealReplied");

    @Inject
    Pool pool;

    @Inject
    WorkQueueRepository appeals;

    @Inject
    AppealEventAppender events;

    @Inject
    SlaClockService clocks;

    @Inject
    Clock clock;

    @Inject
    EvaluationRounds evaluation;

    public Uni<Moved> accept(String trackingNo, Caller caller) {
        return act(trackingNo, caller, AppealAction.ACCEPT, "ACCEPTED", null, Map.of(), NOTHING_MORE);
    }

    public Uni<Moved> firstContact(String trackingNo, Caller caller, String note) {
        return act(trackingNo, caller, AppealAction.FIRST_CONTACT, "FIRST_CONTACT", note, Map.of(), NOTHING_MORE,
                ClockKind.RESPOND);
    }

    public Uni<Moved> reply(String trackingNo, Caller caller, String answer) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("answer", answer);
        // the answer opens an evaluation round: rating clock, rating request, return visit if sampled
        return act(trackingNo, caller, AppealAction.REPLY, "REPLIED", null, payload, (tx, appeal, at) -> evaluation.open(tx,
                new Replied(appeal.id(), appeal.trackingNo(), appeal.channel(), appeal.appealType(), appeal.category(),
                        appeal.urgent()), at),
                ClockKind.RESPOND, ClockKind.HANDLE, ClockKind.REWORK);
    }

    public Uni<List<QueueItem>> queue(Caller caller, Instant afterDue, long afterId, int limit) {
        if (caller.unitCode() == null) {
            throw new ForbiddenException();
        }
        return appeals.queue(caller.unitCode(), afterDue, afterId, limit);
    }

    /** What else a step writes in its transaction (a reply starts the return-visit and rating clocks). */
    @FunctionalInterface
    interface AlsoInTransaction {
        Uni<Void> write(SqlConnection tx, Locked appeal, Instant at);
    }

    private static final AlsoInTransaction NOTHING_MORE = (tx, appeal, at) -> Uni.createFrom().voidItem();

    private Uni<Moved> act(String rawTrackingNo, Caller caller, AppealAction action, String eventType, String reason,
            Map<String, Object> payload, AlsoInTransaction also, ClockKind... ends) {
        String trackingNo = TrackingNumber.parse(rawTrackingNo).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("trackingNo", "A tracking number has 13 digits and a valid check digit"));
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            Locked appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            if (!mayWork(caller, appeal)) {
                // another unit's appeal is "not found", as in the views: numbers cannot be probed
                throw ProblemException.notFound("Appeal " + trackingNo);
            }
            Transition transition = AppealLifecycle.decide(AppealStatus.valueOf(appeal.status()), action);
            if (transition instanceof Transition.Refused refused) {
                throw new ProblemException(Problem.of(409, "illegal-transition", "Not possible now", refused.reason()));
            }
            AppealStatus next = ((Transition.Moved) transition).to();
            return step(tx, appeal, caller, next, eventType, reason, payload, now, ends)
                    .chain(() -> also.write(tx, appeal, now))
                    .replaceWith(new Moved(trackingNo, next.name(), next.label()));
        }));
    }

    private Uni<Void> step(SqlConnection tx, Locked appeal, Caller caller, AppealStatus next, String eventType,
            String reason, Map<String, Object> payload, Instant now, ClockKind... ends) {
        Map<String, Object> notice = new LinkedHashMap<>(payload);
        notice.put("trackingNo", appeal.trackingNo());
        notice.put("channel", appeal.channel());
        notice.put("status", next.name());
        return appeals.moveTo(tx, appeal.id(), next.name())
                .chain(() -> events.append(tx, Map.of(appeal.id(), List.of(new NewEvent(eventType, caller.actor(), now,
                        reason, PlannedEvent.Visibility.PUBLIC, JsonText.object(payload))))))
                .chain(() -> ends.length == 0 ? Uni.createFrom().voidItem() : clocks.stopInTransaction(tx, appeal.id(), now, ends))
                .chain(() -> appeals.outbox(tx, appeal.id(), OUTBOX_TYPES.get(eventType), JsonText.object(notice)));
    }

    /** Commissioners and unit leaders act on their own unit's appeals. */
    private static boolean mayWork(Caller caller, Locked appeal) {
        return (caller.hasRole(Roles.COMMISSIONER) || caller.hasRole(Roles.UNIT_LEADER))
                && caller.unitCode() != null && Objects.equals(caller.unitCode(), appeal.handlingUnit());
    }

}
