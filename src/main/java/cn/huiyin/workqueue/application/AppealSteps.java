package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Runs one step on one appeal as one transaction: lock the row, check who may act and whether the lifecycle
 * allows it, write the step (status, its chained event, the clocks it ends, what else it changes, the outbox
 * row that tells the enterprise), then — after the commit — tell the work queues that watch the unit.
 */
@ApplicationScoped
public class AppealSteps {

    /** The result of a step: where the appeal now stands. */
    public record Moved(String trackingNo, String status, String statusLabel) {
    }

    /** Who may take a step on this appeal; a refusal answers "not found", so numbers cannot be probed. */
    @FunctionalInterface
    public interface MayAct {
        boolean test(Caller caller, Locked appeal);
    }

    /** A check that needs the locked row and the time (a live claim, the return window…); throws to refuse. */
    @FunctionalInterface
    public interface Precondition {
        Uni<Void> check(SqlConnection tx, Locked appeal, Instant now);
    }

    /** What else the step writes in its transaction; returns the units whose queues changed besides the appeal's. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        Uni<List<String>> write(SqlConnection tx, Locked appeal, Instant now);
    }

    /** What the outbox hears of a step, once the appeal's new status is known. */
    @FunctionalInterface
    public interface NoticeOf {
        AppealNotice of(Locked appeal, AppealStatus next);
    }

    public static final Precondition ALWAYS = (tx, appeal, now) -> Uni.createFrom().voidItem();
    public static final AlsoInTransaction NOTHING_MORE = (tx, appeal, now) -> Uni.createFrom().item(List.of());

    /**
     * One step. {@code action} null means the status does not change (a note, a claim); {@code notice} null
     * means nobody outside needs to hear of it.
     */
    public record Step(AppealAction action, AppealEvent event, String reason, Visibility visibility, NoticeOf notice,
            List<ClockKind> stops, Precondition precondition, AlsoInTransaction also) {

        public static Step of(AppealAction action, AppealEvent event, String reason) {
            return new Step(action, event, reason, Visibility.PUBLIC, null, List.of(), ALWAYS, NOTHING_MORE);
        }

        public Step internal() {
            return new Step(action, event, reason, Visibility.INTERNAL, notice, stops, precondition, also);
        }

        public Step notifying(NoticeOf what) {
            return new Step(action, event, reason, visibility, what, stops, precondition, also);
        }

        public Step stopping(ClockKind... kinds) {
            return new Step(action, event, reason, visibility, notice, List.of(kinds), precondition, also);
        }

        public Step when(Precondition check) {
            return new Step(action, event, reason, visibility, notice, stops, check, also);
        }

        public Step also(AlsoInTransaction more) {
            return new Step(action, event, reason, visibility, notice, stops, precondition, more);
        }
    }

    @Inject
    Pool pool;

    @Inject
    WorkQueueRepository appeals;

    @Inject
    AppealRecords events;

    @Inject
    SlaClockService clocks;

    @Inject
    LiveUpdates live;

    @Inject
    Clock clock;

    public Uni<Moved> perform(String rawTrackingNo, Caller caller, MayAct mayAct, Step step) {
        String trackingNo = trackingNumber(rawTrackingNo);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            Locked appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            if (!mayAct.test(caller, appeal)) {
                throw ProblemException.notFound("Appeal " + trackingNo);
            }
            // the step's own checks first: a scope check there must answer 404 before any 409 tells the state
            return step.precondition().check(tx, appeal, now)
                    .map(checked -> enforce(appeal.appeal().next(step.action()), trackingNo))
                    .chain(next -> write(tx, appeal, caller, next, step, now)
                            .map(touched -> new Result(new Moved(trackingNo, next.name(), next.label()), appeal.handlingUnit(), touched)));
        })).invoke(result -> live.changed(result.touchedUnits(result.unitBefore()), result.moved().trackingNo(),
                result.moved().status()))
                .map(Result::moved);
    }

    private record Result(Moved moved, String unitBefore, List<String> alsoTouched) {
        List<String> touchedUnits(String unit) {
            List<String> units = new java.util.ArrayList<>(alsoTouched);
            if (unit != null && !units.contains(unit)) {
                units.add(unit);
            }
            return units;
        }
    }

    public static String trackingNumber(String raw) {
        return TrackingNumber.parse(raw).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("trackingNo", "A tracking number has 13 digits and a valid check digit"));
    }

    public static ProblemException conflict(String detail) {
        return ProblemException.conflict(detail);
    }

    /** The rules' verdict as the API answers it: hidden is "not found", not now a conflict; allowed, the next status. */
    public static AppealStatus enforce(Appeal.Verdict verdict, String trackingNo) {
        if (verdict instanceof Appeal.Hidden) {
            throw ProblemException.notFound("Appeal " + trackingNo);
        }
        if (verdict instanceof Appeal.NotNow notNow) {
            throw conflict(notNow.reason());
        }
        return ((Appeal.Allowed) verdict).next();
    }

    /** A precondition that the aggregate's rule allows the step. */
    public static Precondition allowedBy(BiFunction<Appeal, Instant, Appeal.Verdict> rule) {
        return (tx, appeal, now) -> {
            enforce(rule.apply(appeal.appeal(), now), appeal.trackingNo());
            return Uni.createFrom().voidItem();
        };
    }

    private Uni<List<String>> write(SqlConnection tx, Locked appeal, Caller caller, AppealStatus next, Step step, Instant now) {
        Uni<Void> moved = next.name().equals(appeal.status()) ? Uni.createFrom().voidItem() : events.moveTo(tx, appeal.id(), next.name());
        return moved
                .chain(() -> events.append(tx, Map.of(appeal.id(), List.of(NewEvent.of(step.event(), caller.actor(), now,
                        step.reason(), step.visibility())))))
                .chain(() -> step.stops().isEmpty() ? Uni.createFrom().voidItem()
                        : clocks.stopInTransaction(tx, appeal.id(), now, step.stops().toArray(ClockKind[]::new)))
                .chain(() -> step.notice() == null ? Uni.createFrom().voidItem()
                        : events.notify(tx, appeal.id(), step.notice().of(appeal, next)))
                .chain(() -> step.also().write(tx, appeal, now));
    }
}
