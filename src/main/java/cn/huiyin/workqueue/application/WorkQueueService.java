package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.shared.domain.Caller;
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
    WorkQueueRepository appeals;

    @Inject
    WorkQueueConfig config;

    @Inject
    Merging merging;

    @Inject
    Instance<AfterReply> afterReply;

    /** Signs for the appeal: from now on it is the caller's for good. Nobody else's live claim may be taken. */
    public Uni<Moved> accept(String trackingNo, Caller caller) {
        return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.accept(caller, now))
                .notifying((appeal, next) -> new AppealNotice.Accepted(caller.username(), appeal.trackingNo(), appeal.channel(),
                        next.name())));
    }

    /** Takes an unassigned (or lapsed) dispatched appeal on a lease, until the caller signs for it. */
    public Uni<Moved> claim(String trackingNo, Caller caller) {
        return steps.perform(trackingNo, caller,
                Step.of((appeal, now) -> appeal.claim(caller, now, now.plus(config.claimLease()))));
    }

    /** Handling has begun: the respond clock stops, and so does the return window (a HANDLING appeal cannot be returned). */
    public Uni<Moved> firstContact(String trackingNo, Caller caller, String note) {
        return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.firstContact(caller, note))
                .notifying((appeal, next) -> new AppealNotice.Contacted(appeal.trackingNo(), appeal.channel(), next.name()))
                .stopping(ClockKind.RESPOND, ClockKind.RETURN_WINDOW));
    }

    /**
     * Answers the enterprise on its channel; merged duplicates receive the same answer, and whatever an answer
     * starts ({@link AfterReply}) is written in the same transaction.
     */
    public Uni<Moved> reply(String trackingNo, Caller caller, String answer) {
        return steps.perform(trackingNo, caller, Step.of((appeal, now) -> appeal.reply(caller, answer))
                .notifying((appeal, next) -> new AppealNotice.Replied(answer, null, appeal.trackingNo(), appeal.channel(),
                        next.name()))
                .stopping(ClockKind.RESPOND, ClockKind.HANDLE, ClockKind.REWORK, ClockKind.RETURN_WINDOW)
                .also((tx, appeal, after, now) -> merging.answerChildren(tx, appeal, answer, caller, now)
                        .call(() -> afterReply(tx, appeal, now))));
    }

    /**
     * A progress note (办理进展). Internal notes stay with the staff; public ones appear in the enterprise's
     * timeline. Helper units of a co-handled appeal may write them too.
     */
    public Uni<Moved> note(String trackingNo, Caller caller, String note, boolean visibleToEnterprise) {
        return steps.perform(trackingNo, caller, Step.reading((tx, locked, now) -> {
            Appeal appeal = locked.appeal();
            boolean ownUnit = appeal.workableBy(caller) instanceof Appeal.Allowed;
            Uni<Boolean> helps = ownUnit || caller.unitCode() == null ? Uni.createFrom().item(false)
                    : appeals.helps(tx, locked.id(), caller.unitCode());
            return helps.map(helper -> appeal.note(caller, note, visibleToEnterprise, helper));
        }));
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

    /** The queue riskiest first (风险: the probability of missing the handling deadline). */
    public Uni<List<QueueItem>> queueByRisk(Caller caller, double afterRisk, long afterId, int limit) {
        if (caller.unitCode() == null) {
            throw new ForbiddenException();
        }
        return appeals.queueByRisk(caller.unitCode(), afterRisk, afterId, limit);
    }
}
