package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.WorkQueueConfig;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.AppealSteps.Step;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.QueueItem;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A commissioner's day on an appeal of their unit: claim it, sign for it (签收), record the first contact with
 * the enterprise, write progress notes, reply (答复). Each is one transaction (see {@link AppealSteps}).
 */
@ApplicationScoped
public class WorkQueueService {

    @Inject
    AppealSteps steps;

    @Inject
    AppealRecords records;

    @Inject
    WorkQueueRepository appeals;

    @Inject
    Assignment assignment;

    @Inject
    WorkQueueConfig config;

    @Inject
    Merging merging;

    @Inject
    Instance<AfterReply> afterReply;

    /** Signs for the appeal: from now on it is the caller's for good. Nobody else's live claim may be taken. */
    public Uni<Moved> accept(String trackingNo, Caller caller) {
        return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                Step.of(AppealAction.ACCEPT, new AppealEvent.Accepted(caller.username()), null)
                        .notifying((appeal, next) -> new AppealNotice.Accepted(caller.username(), appeal.trackingNo(),
                                appeal.channel(), next.name()))
                        .when(AppealSteps.allowedBy((appeal, now) -> appeal.acceptableBy(caller, now)))
                        .also((tx, appeal, now) -> records.assign(tx, appeal.id(), caller.username(), null).replaceWith(List.of())));
    }

    /** Takes an unassigned (or lapsed) dispatched appeal on a lease, until the caller signs for it. */
    public Uni<Moved> claim(String trackingNo, Caller caller) {
        return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                Step.of(null, new AppealEvent.Assigned(caller.username(), Assignment.Basis.CLAIMED.name(), null), null)
                        .internal()
                        .when(AppealSteps.allowedBy((appeal, now) -> appeal.claimableBy(caller, now)))
                        .also((tx, appeal, now) -> records.assign(tx, appeal.id(), caller.username(),
                                now.plus(config.claimLease())).replaceWith(List.of())));
    }

    /** Handling has begun: the respond clock stops, and so does the return window (a HANDLING appeal cannot be returned). */
    public Uni<Moved> firstContact(String trackingNo, Caller caller, String note) {
        return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                Step.of(AppealAction.FIRST_CONTACT, new AppealEvent.FirstContact(), note)
                        .notifying((appeal, next) -> new AppealNotice.Contacted(appeal.trackingNo(), appeal.channel(),
                                next.name()))
                        .stopping(ClockKind.RESPOND, ClockKind.RETURN_WINDOW)
                        .when(holder(caller, AppealAction.FIRST_CONTACT)));
    }

    /**
     * Answers the enterprise on its channel; merged duplicates receive the same answer, and whatever an answer
     * starts ({@link AfterReply}) is written in the same transaction.
     */
    public Uni<Moved> reply(String trackingNo, Caller caller, String answer) {
        return steps.perform(trackingNo, caller, WorkQueueService::mayWork,
                Step.of(AppealAction.REPLY, new AppealEvent.Replied(answer), null)
                        .notifying((appeal, next) -> new AppealNotice.Replied(answer, null, appeal.trackingNo(),
                                appeal.channel(), next.name()))
                        .stopping(ClockKind.RESPOND, ClockKind.HANDLE, ClockKind.REWORK, ClockKind.RETURN_WINDOW)
                        .when(holder(caller, AppealAction.REPLY))
                        .also((tx, appeal, now) -> merging.answerChildren(tx, appeal, answer, caller, now)
                                .call(() -> afterReply(tx, appeal, now))));
    }

    /**
     * A progress note (办理进展). Internal notes stay with the staff; public ones appear in the enterprise's
     * timeline. Helper units of a co-handled appeal may write them too.
     */
    public Uni<Moved> note(String trackingNo, Caller caller, String note, boolean visibleToEnterprise) {
        Step step = Step.of(null, new AppealEvent.Note(visibleToEnterprise), note);
        return steps.perform(trackingNo, caller, (who, appeal) -> true,
                (visibleToEnterprise ? step : step.internal()).when((tx, appeal, now) -> mayWorkOrHelp(tx, caller, appeal)));
    }

    private Uni<Void> afterReply(SqlConnection tx, Locked appeal, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        AfterReply.Answered answered = new AfterReply.Answered(appeal.id(), appeal.trackingNo(), appeal.channel(),
                appeal.appealType(), appeal.category(), appeal.urgent());
        for (AfterReply hook : afterReply) {
            chain = chain.chain(() -> hook.write(tx, answered, now));
        }
        return chain;
    }

    public Uni<List<QueueItem>> queue(Caller caller, Instant afterDue, long afterId, int limit) {
        if (caller.unitCode() == null) {
            throw new ForbiddenException();
        }
        return appeals.queue(caller.unitCode(), afterDue, afterId, limit);
    }

    /** Commissioners and unit leaders act on their own unit's appeals. */
    static boolean mayWork(Caller caller, Locked appeal) {
        return appeal.appeal().workableBy(caller) instanceof Appeal.Allowed;
    }

    /** A commissioner works only what they hold; a unit leader may step in on any appeal of the unit. */
    static AppealSteps.Precondition holder(Caller caller, AppealAction action) {
        return AppealSteps.allowedBy((appeal, now) -> appeal.workableAsHolderBy(caller, action));
    }

    private Uni<Void> mayWorkOrHelp(SqlConnection tx, Caller caller, Locked appeal) {
        if (mayWork(caller, appeal)) {
            return Uni.createFrom().voidItem();
        }
        boolean staffOfAUnit = (caller.hasRole(Roles.COMMISSIONER) || caller.hasRole(Roles.UNIT_LEADER)) && caller.unitCode() != null;
        return (staffOfAUnit ? appeals.helps(tx, appeal.id(), caller.unitCode()) : Uni.createFrom().item(false))
                .invoke(helps -> {
                    if (!helps) {
                        throw cn.huiyin.shared.web.ProblemException.notFound("Appeal " + appeal.trackingNo());
                    }
                }).replaceWithVoid();
    }
}
