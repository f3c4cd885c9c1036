package cn.huiyin.sla.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Claims due escalation timers and records what fired. */
@ApplicationScoped
public class SlaTimerRepository {

    public record FiredTimer(long timerId, long appealId, String clock, int round, String step, Instant dueAt, String unit) {
    }

    @Inject
    Pool pool;

    /**
     * Marks up to {@code limit} due timers as fired, in the caller's transaction. {@code SKIP LOCKED} lets
     * several sweepers work side by side: a timer another sweeper holds is simply not seen, and once this
     * transaction commits the timer is no longer pending, so it can fire only once.
     */
    public Uni<List<FiredTimer>> claimDue(SqlClient tx, Instant now, int limit) {
        return tx.preparedQuery("""
                WITH due AS (
                    SELECT id FROM sla_timer WHERE fired_at IS NULL AND due_at <= $1
                    ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                UPDATE sla_timer t SET fired_at = $1
                FROM due, appeal_clock c, appeal a
                WHERE t.id = due.id AND c.id = t.clock_id AND a.id = t.appeal_id
                RETURNING t.id, t.appeal_id, c.clock, c.round, t.step, t.due_at, a.handling_unit""")
                .execute(Tuple.of(ClockRepository.utc(now), limit))
                .map(rows -> {
                    List<FiredTimer> fired = new ArrayList<>();
                    for (Row r : rows) {
                        fired.add(new FiredTimer(r.getLong("id"), r.getLong("appeal_id"), r.getString("clock"),
                                r.getInteger("round"), r.getString("step"), r.getOffsetDateTime("due_at").toInstant(), r.getString("handling_unit")));
                    }
                    return fired;
                });
    }

    public Uni<Void> recordEscalations(SqlClient tx, List<Tuple> escalations) {
        return tx.preparedQuery("""
                INSERT INTO escalation (timer_id, appeal_id, clock, step, due_at, fired_at, recipients)
                VALUES ($1, $2, $3, $4, $5, $6, $7)""").executeBatch(escalations).replaceWithVoid();
    }

    /** Makes claimed timers pending again (their action could not run now); the next sweep retries them. */
    public Uni<Void> rearm(SqlClient tx, Long[] timerIds) {
        return tx.preparedQuery("UPDATE sla_timer SET fired_at = NULL WHERE id = ANY($1) AND NOT cancelled")
                .execute(Tuple.of((Object) timerIds)).replaceWithVoid();
    }

    /** How late the oldest pending timer is: the sweeper's lag (zero when nothing is overdue). */
    public Uni<Double> lagSeconds(Instant now) {
        return pool.preparedQuery("SELECT min(due_at) AS oldest FROM sla_timer WHERE fired_at IS NULL AND due_at <= $1")
                .execute(Tuple.of(ClockRepository.utc(now)))
                .map(rows -> {
                    var oldest = rows.iterator().next().getOffsetDateTime("oldest");
                    return oldest == null ? 0.0 : (now.toEpochMilli() - oldest.toInstant().toEpochMilli()) / 1000.0;
                });
    }
}
