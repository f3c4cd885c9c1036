package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.workqueue.WorkQueueConfig;
import cn.huiyin.workqueue.domain.AssignmentRecords;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.persistence.AssignmentRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Who works a dispatched appeal: a key enterprise's named commissioner in that unit, their backup when the
 * named one is off duty, otherwise the on-duty commissioner of the unit with the least open work. The
 * assignment is a claim that lapses if nobody signs for the appeal in time; a lapsed claim returns the appeal
 * to the unit's pool.
 */
@ApplicationScoped
public class Assignment {

    /** Why this commissioner: the order in which candidates are tried. */
    public enum Basis {
        KEY_ENTERPRISE, BACKUP, LEAST_LOADED, CLAIMED
    }

    public record Assigned(String assignee, Basis basis) {
    }

    private static final Logger LOG = Logger.getLogger(Assignment.class);

    @Inject
    Pool pool;

    @Inject
    AppealRecords events;

    @Inject
    AssignmentRepository repository;

    @Inject
    WorkQueueConfig config;

    @Inject
    LiveUpdates live;

    @Inject
    Clock clock;

    /**
     * Assigns the (locked, dispatched) appeal in the caller's transaction and records why. Empty when the unit
     * has no commissioner on duty: the appeal waits in the unit's pool.
     */
    public Uni<Optional<Assigned>> assign(SqlConnection tx, long appealId, Instant now) {
        return repository.lockUnitOf(tx, appealId).chain(() -> repository.pick(tx, appealId)).chain(picked -> {
            if (picked.isEmpty()) {
                return Uni.createFrom().item(Optional.<Assigned> empty());
            }
            Assigned assigned = new Assigned(picked.get().username(), Basis.valueOf(picked.get().basis()));
            return hold(tx, appealId, assigned, now).replaceWith(Optional.of(assigned));
        });
    }

    /** Gives the appeal to {@code assigned.assignee()} on a lease, with its event. */
    public Uni<Void> hold(SqlConnection tx, long appealId, Assigned assigned, Instant now) {
        Instant until = now.plus(config.claimLease());
        return events.hold(tx, appealId, assigned.assignee(), until, now)
                .chain(() -> events.append(tx, Map.of(appealId,
                        List.of(AssignmentRecords.assigned(assigned.assignee(), assigned.basis().name(), until, now)))));
    }

    @Scheduled(every = "${huiyin.workqueue.claim-sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return releaseLapsedClaims().onFailure().invoke(f -> LOG.warnf("claim sweep failed, will retry: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Lapsed claims released per sweep transaction. */
    private static final int SWEEP_BATCH = 500;

    /** Returns every lapsed claim to its unit's pool, each with a CLAIM_EXPIRED event. Returns how many. */
    public Uni<Integer> releaseLapsedClaims() {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> events.releaseLapsedClaims(tx, now, SWEEP_BATCH)
                .chain(released -> {
                    Map<Long, List<NewEvent>> expired = AssignmentRecords.expired(released, now);
                    List<LiveUpdates.Update> updates = released.stream()
                            .map(claim -> new LiveUpdates.Update(claim.handlingUnit(), claim.trackingNo(), claim.status())).toList();
                    return (expired.isEmpty() ? Uni.createFrom().voidItem() : events.append(tx, expired)).replaceWith(updates);
                }))
                .invoke(updates -> updates.forEach(live::publish))
                .map(List::size);
    }
}
