package cn.huiyin.workqueue.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.appeal.persistence.AppealEventAppender;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.workqueue.WorkQueueConfig;
import cn.huiyin.workqueue.live.LiveUpdates;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

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

    private static final String PICK = """
            WITH target AS (
                SELECT a.handling_unit, k.commissioner AS named, k.backup
                FROM appeal a
                LEFT JOIN enterprise e ON e.uscc = a.uscc AND e.key_enterprise
                LEFT JOIN key_enterprise_commissioner k ON k.uscc = e.uscc AND k.unit_code = a.handling_unit
                WHERE a.id = $1)
            SELECT s.username,
                CASE WHEN s.username = t.named THEN 'KEY_ENTERPRISE' WHEN s.username = t.backup THEN 'BACKUP'
                     ELSE 'LEAST_LOADED' END AS basis
            FROM target t
            JOIN staff_member s ON s.unit_code = t.handling_unit AND s.role = 'commissioner' AND s.on_duty
            ORDER BY CASE WHEN s.username = t.named THEN 0 WHEN s.username = t.backup THEN 1 ELSE 2 END,
                (SELECT count(*) FROM appeal o WHERE o.assignee = s.username
                    AND o.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')),
                s.username
            LIMIT 1""";

    @Inject
    Pool pool;

    @Inject
    AppealEventAppender events;

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
        // one assignment at a time per unit, so two at once cannot both pick the same least-loaded commissioner
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('huiyin-assign:' || handling_unit)) FROM appeal WHERE id = $1")
                .execute(Tuple.of(appealId))
                .chain(() -> tx.preparedQuery(PICK).execute(Tuple.of(appealId))).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().item(Optional.<Assigned> empty());
            }
            Row row = rows.iterator().next();
            Assigned assigned = new Assigned(row.getString("username"), Basis.valueOf(row.getString("basis")));
            return hold(tx, appealId, assigned, now).replaceWith(Optional.of(assigned));
        });
    }

    /** Gives the appeal to {@code assigned.assignee()} on a lease, with its event. */
    public Uni<Void> hold(SqlConnection tx, long appealId, Assigned assigned, Instant now) {
        Instant until = now.plus(config.claimLease());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assignee", assigned.assignee());
        payload.put("basis", assigned.basis().name());
        payload.put("claimExpiresAt", until.toString());
        return tx.preparedQuery("UPDATE appeal SET assignee = $2, claim_expires_at = $3, assigned_at = coalesce(assigned_at, $4), "
                + "updated_at = now() WHERE id = $1")
                .execute(Tuple.of(appealId, assigned.assignee(), until.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
                .chain(() -> events.append(tx, Map.of(appealId, List.of(new NewEvent("ASSIGNED", "system:assignment", now,
                        null, Visibility.INTERNAL, JsonText.object(payload))))));
    }

    /** The first automatic assignment of an appeal intake dispatched; a repeated call changes nothing. */
    public Uni<Void> assignAfterIntake(long appealId) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT handling_unit, tracking_no, status FROM appeal "
                + "WHERE id = $1 AND status = 'DISPATCHED' AND assigned_at IS NULL AND assignee IS NULL FOR UPDATE")
                .execute(Tuple.of(appealId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<Row> empty());
                    }
                    Row row = rows.iterator().next();
                    return assign(tx, appealId, now).map(assigned -> assigned.map(a -> row));
                }))
                .invoke(assigned -> assigned.ifPresent(row -> live.publish(new LiveUpdates.Update(
                        row.getString("handling_unit"), row.getString("tracking_no"), row.getString("status")))))
                .replaceWithVoid();
    }

    @Scheduled(every = "${huiyin.workqueue.claim-sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return releaseLapsedClaims().onFailure().invoke(f -> LOG.warnf("claim sweep failed, will retry: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Returns every lapsed claim to its unit's pool, each with a CLAIM_EXPIRED event. Returns how many. */
    public Uni<Integer> releaseLapsedClaims() {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                WITH lapsed AS (
                    SELECT id, assignee FROM appeal
                    WHERE claim_expires_at < $1 AND status = 'DISPATCHED'
                    ORDER BY claim_expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
                UPDATE appeal a SET assignee = NULL, claim_expires_at = NULL, updated_at = now()
                FROM lapsed WHERE a.id = lapsed.id
                RETURNING a.id, lapsed.assignee, a.handling_unit, a.tracking_no, a.status""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> {
                    Map<Long, List<NewEvent>> expired = new LinkedHashMap<>();
                    List<LiveUpdates.Update> updates = new ArrayList<>();
                    for (Row row : rows) {
                        expired.put(row.getLong("id"), List.of(new NewEvent("CLAIM_EXPIRED", "system:assignment", now,
                                "not signed for in time", Visibility.INTERNAL,
                                JsonText.object(Map.of("assignee", row.getString("assignee"))))));
                        updates.add(new LiveUpdates.Update(row.getString("handling_unit"), row.getString("tracking_no"),
                                row.getString("status")));
                    }
                    return (expired.isEmpty() ? Uni.createFrom().voidItem() : events.append(tx, expired)).replaceWith(updates);
                }))
                .invoke(updates -> updates.forEach(live::publish))
                .map(List::size);
    }
}
