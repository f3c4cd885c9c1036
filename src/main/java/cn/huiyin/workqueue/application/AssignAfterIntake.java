package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealNotices;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.shared.outbox.OutboxBatchHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import cn.huiyin.workqueue.WorkQueueConfig;
import cn.huiyin.workqueue.domain.AssignmentRecords;
import cn.huiyin.workqueue.domain.FirstAssignments;
import cn.huiyin.workqueue.domain.FirstAssignments.Choice;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.AssignmentRepository;
import cn.huiyin.workqueue.persistence.AssignmentRepository.Waiting;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What follows intake: a dispatched appeal is assigned to a commissioner (by {@link FirstAssignments}' rule), an
 * unplaced one shows up on the dispatcher's desk. It runs from the outbox, after the intake commit, so the intake path
 * stays one short transaction; the outbox guarantees it happens, and only an appeal never assigned is assigned, so a
 * repeat changes nothing.
 * <p>
 * Appeals are assigned in batches: one transaction locks the appeals, then their units (one lock per unit), reads who
 * is on duty with their open work once, and writes every assignment and its event. One such transaction runs at a
 * time on a replica; what arrives meanwhile joins the next one. So assignment holds at most one pooled connection per
 * replica, however fast appeals come in, and intake keeps the rest.
 */
@ApplicationScoped
public class AssignAfterIntake implements OutboxBatchHandler {

    /** The most appeals assigned in one transaction; the rest wait for the next. */
    static final int MOST_PER_TRANSACTION = 1000;

    @Inject
    LiveUpdates live;

    @Inject
    AppealNotices notices;

    @Inject
    Pool pool;

    @Inject
    AssignmentRepository repository;

    @Inject
    AppealRecords events;

    @Inject
    WorkQueueConfig config;

    @Inject
    Clock clock;

    /** Deliveries waiting for the next assignment transaction on this replica. */
    private record Queued(List<Long> appealIds, CompletableFuture<Void> assigned) {
    }

    private final Queue<Queued> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean assigning = new AtomicBoolean();

    @Override
    public boolean handles(OutboxMessage message) {
        return "AppealReceived".equals(message.eventType());
    }

    /** A row handed over alone (a batch failed): its own transaction, so a bad row cannot fail the others again. */
    @Override
    public Uni<Void> handle(OutboxMessage message) {
        return Uni.createFrom().item(() -> dispatched(List.of(message)))
                .chain(appealIds -> appealIds.isEmpty() ? Uni.createFrom().voidItem() : assign(appealIds));
    }

    @Override
    public Uni<Void> handleAll(List<OutboxMessage> messages) {
        return Uni.createFrom().item(() -> dispatched(messages))
                .chain(appealIds -> appealIds.isEmpty() ? Uni.createFrom().voidItem() : joinNextTransaction(appealIds));
    }

    /** The appeals to assign; an unplaced one is announced to the dispatcher's desk instead. */
    private List<Long> dispatched(List<OutboxMessage> messages) {
        List<Long> appealIds = new ArrayList<>();
        List<LiveUpdates.Update> unplaced = new ArrayList<>();
        for (OutboxMessage message : messages) {
            AppealNotice.Received received = notices.readAs(message, AppealNotice.Received.class)
                    .orElseThrow(() -> new PermanentFailure("unreadable AppealReceived notice " + message.id()));
            if ("DISPATCHED".equals(received.status())) {
                appealIds.add(message.appealId());
            } else {
                unplaced.add(new LiveUpdates.Update(LiveUpdates.DISPATCH_DESK, received.trackingNo(), "RECEIVED"));
            }
        }
        unplaced.forEach(live::publish);
        return appealIds;
    }

    private Uni<Void> joinNextTransaction(List<Long> appealIds) {
        return Uni.createFrom().deferred(() -> {
            Queued mine = new Queued(appealIds, new CompletableFuture<>());
            queued.add(mine);
            startNext();
            return Uni.createFrom().completionStage(mine.assigned());
        });
    }

    /** Starts a transaction for everything queued, unless one is running (it starts the next when it ends). */
    private void startNext() {
        if (!assigning.compareAndSet(false, true)) {
            return;
        }
        List<Queued> taken = new ArrayList<>();
        TreeSet<Long> appealIds = new TreeSet<>();
        while (appealIds.size() < MOST_PER_TRANSACTION && !queued.isEmpty()) {
            Queued next = queued.poll();
            taken.add(next);
            appealIds.addAll(next.appealIds());
        }
        if (taken.isEmpty()) {
            assigning.set(false);
            // something queued between the last look and letting go: someone must start it
            if (!queued.isEmpty()) {
                startNext();
            }
            return;
        }
        assign(List.copyOf(appealIds)).subscribe().with(ok -> ended(taken, null), failure -> ended(taken, failure));
    }

    private void ended(List<Queued> taken, Throwable failure) {
        assigning.set(false);
        startNext();
        for (Queued one : taken) {
            if (failure == null) {
                one.assigned().complete(null);
            } else {
                one.assigned().completeExceptionally(failure);
            }
        }
    }

    /** The first assignment of each appeal that never had one, in one transaction; then the live pages hear of it. */
    Uni<Void> assign(List<Long> appealIds) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> repository.lockIfNeverAssigned(tx, appealIds)
                .chain(waiting -> waiting.isEmpty() ? Uni.createFrom().item(List.<Waiting> of()) : assignLocked(tx, waiting, now)))
                .invoke(assigned -> assigned.forEach(appeal -> live.publish(new LiveUpdates.Update(appeal.handlingUnit(),
                        appeal.trackingNo(), appeal.status()))))
                .replaceWithVoid();
    }

    /** Returns the appeals given a commissioner (those whose unit has nobody on duty stay in its pool). */
    private Uni<List<Waiting>> assignLocked(SqlConnection tx, List<Waiting> waiting, Instant now) {
        Map<Long, Waiting> byId = new LinkedHashMap<>();
        waiting.forEach(appeal -> byId.put(appeal.appealId(), appeal));
        Instant until = now.plus(config.claimLease());
        return repository.lockUnits(tx, waiting.stream().map(Waiting::handlingUnit).toList())
                .chain(() -> repository.candidates(tx, byId.keySet()))
                .map(read -> FirstAssignments.choose(read.appeals(), read.onDuty()))
                .chain(choices -> choices.isEmpty() ? Uni.createFrom().item(List.<Waiting> of())
                        : events.holdAll(tx, assigneesOf(choices), until, now)
                                .chain(() -> events.append(tx, assignedEvents(choices, until, now)))
                                .replaceWith(choices.stream().map(choice -> byId.get(choice.appealId())).toList()));
    }

    private static Map<Long, String> assigneesOf(List<Choice> choices) {
        Map<Long, String> assignees = new LinkedHashMap<>();
        choices.forEach(choice -> assignees.put(choice.appealId(), choice.username()));
        return assignees;
    }

    private static Map<Long, List<NewEvent>> assignedEvents(List<Choice> choices, Instant until, Instant now) {
        Map<Long, List<NewEvent>> events = new LinkedHashMap<>();
        choices.forEach(choice -> events.put(choice.appealId(),
                List.of(AssignmentRecords.assigned(choice.username(), choice.basis(), until, now))));
        return events;
    }
}
