package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealDecisions;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.Appeal.Decision;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealStatus;
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
 * Runs one step on one appeal as one transaction: lock the row, ask the {@link Appeal} what the step does (it
 * answers with the appeal after the step and its event, or a refusal), write that (state, chained event, the
 * clocks it ends, the outbox row that tells the enterprise, what else the step changes), then — after the commit —
 * tell the work queues that watch the unit.
 */
@ApplicationScoped
public class AppealSteps {

    /** The result of a step: where the appeal now stands. */
    public record Moved(String trackingNo, String status, String statusLabel) {
    }

    /** The appeal's decision about a step; may first read what the rule needs in the transaction (a clock, a helper). */
    @FunctionalInterface
    public interface Rule {
        Uni<Decision> decide(SqlConnection tx, Locked appeal, Instant now);
    }

    /** What else the step writes in its transaction; returns the units whose queues changed besides the appeal's. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        Uni<List<String>> write(SqlConnection tx, Locked appeal, Appeal after, Instant now);
    }

    /** What the outbox hears of a step, once the appeal's new status is known. */
    @FunctionalInterface
    public interface NoticeOf {
        AppealNotice of(Locked appeal, AppealStatus next);
    }

    public static final AlsoInTransaction NOTHING_MORE = (tx, appeal, after, now) -> Uni.createFrom().item(List.of());

    /** One step: the rule, and its effects beyond the appeal's own row and event ({@code notice} null: nobody outside hears). */
    public record Step(Rule rule, NoticeOf notice, List<ClockKind> stops, AlsoInTransaction also) {

        /** A step whose rule needs nothing but the appeal and the time. */
        public static Step of(BiFunction<Appeal, Instant, Decision> rule) {
            return reading((tx, appeal, now) -> Uni.createFrom().item(rule.apply(appeal.appeal(), now)));
        }

        public static Step reading(Rule rule) {
            return new Step(rule, null, List.of(), NOTHING_MORE);
        }

        public Step notifying(NoticeOf what) {
            return new Step(rule, what, stops, also);
        }

        public Step stopping(ClockKind... kinds) {
            return new Step(rule, notice, List.of(kinds), also);
        }

        public Step also(AlsoInTransaction more) {
            return new Step(rule, notice, stops, more);
        }
    }

    @Inject
    Pool pool;

    @Inject
    WorkQueueRepository appeals;

    @Inject
    AppealRecords records;

    @Inject
    SlaClockService clocks;

    @Inject
    LiveUpdates live;

    @Inject
    Clock clock;

    public Uni<Moved> perform(String rawTrackingNo, Caller caller, Step step) {
        String trackingNo = trackingNumber(rawTrackingNo);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            Locked appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            return step.rule().decide(tx, appeal, now)
                    .map(decision -> AppealDecisions.taken(decision, trackingNo))
                    .chain(taken -> write(tx, appeal, caller, taken, step, now)
                            .map(touched -> new Result(new Moved(trackingNo, taken.after().status().name(),
                                    taken.after().status().label()), appeal.handlingUnit(), touched)));
        })).invoke(result -> live.changed(result.touchedUnits(), result.moved().trackingNo(), result.moved().status()))
                .map(Result::moved);
    }

    private record Result(Moved moved, String unitBefore, List<String> alsoTouched) {
        List<String> touchedUnits() {
            List<String> units = new ArrayList<>(alsoTouched);
            if (unitBefore != null && !units.contains(unitBefore)) {
                units.add(unitBefore);
            }
            return units;
        }
    }

    public static String trackingNumber(String raw) {
        return TrackingNumber.parse(raw).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("trackingNo", "A tracking number has 13 digits and a valid check digit"));
    }

    private Uni<List<String>> write(SqlConnection tx, Locked appeal, Caller caller, Taken taken, Step step, Instant now) {
        Appeal after = taken.after();
        Uni<Void> saved = after.equals(appeal.appeal()) ? Uni.createFrom().voidItem() : records.save(tx, after);
        return saved
                .chain(() -> records.append(tx, Map.of(appeal.id(), AppealDecisions.events(taken, caller.actor(), now))))
                .chain(() -> step.stops().isEmpty() ? Uni.createFrom().voidItem()
                        : clocks.stop(tx, appeal.id(), now, step.stops().toArray(ClockKind[]::new)))
                .chain(() -> step.notice() == null ? Uni.createFrom().voidItem()
                        : records.notify(tx, appeal.id(), step.notice().of(appeal, after.status())))
                .chain(() -> step.also().write(tx, appeal, after, now));
    }
}
