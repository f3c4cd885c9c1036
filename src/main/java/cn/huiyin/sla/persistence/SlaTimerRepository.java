package cn.huiyin.sla.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** One escalation step to record: the fired timer and who hears of it. */
    public record Escalation(long timerId, long appealId, String clock, String step, Instant dueAt, String recipients) {
    }

    @Inject
    Pool pool;

    /** From now to the end of the caller's transaction, a wait for a lock longer than {@code wait} fails it. */
    public Uni<Void> waitForLocksAtMost(SqlClient tx, Duration wait) {
        // SET takes no parameters; the value is a number of milliseconds, not text from outside
        return tx.query("SET LOCAL lock_timeout = " + wait.toMillis()).execute().replaceWithVoid();
    }

    /**
     * Marks up to {@code limit} due timers as fired, in the caller's transaction. {@code SKIP LOCKED} lets
     * several sweepers work side by side: a timer another sweeper holds is simply not seen, and once this
     * transaction commits the timer is no longer pending, so it can fire only once. A timer a step or an extension
     * changed since this statement began is read again as it is now (its row lock), so it fires only if it is still
     * pending and due.
     *
     * <p>The appeals are locked later in the batch, when their events are appended: a work-queue step locks the
     * appeal first and its timers after, so the two can wait for each other. The sweeper's transaction gives up such
     * a wait first ({@link #waitForLocksAtMost}), and the batch is fired again at the next sweep. Locking the
     * appeals here instead, skipping those held, was measured: it avoids the wait but skips every appeal whose
     * earlier step's notices are still being written, and fired 0.1–0.2× as fast (docs/benchmarks.md).
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

    /** Records a batch's escalations in one statement (one array per column), all fired at {@code firedAt}. */
    public Uni<Void> recordEscalations(SqlClient tx, List<Escalation> escalations, Instant firedAt) {
        int n = escalations.size();
        Long[] timerIds = new Long[n];
        Long[] appealIds = new Long[n];
        String[] clocks = new String[n];
        String[] steps = new String[n];
        OffsetDateTime[] dueAts = new OffsetDateTime[n];
        String[] recipients = new String[n];
        for (int i = 0; i < n; i++) {
            Escalation e = escalations.get(i);
            timerIds[i] = e.timerId();
            appealIds[i] = e.appealId();
            clocks[i] = e.clock();
            steps[i] = e.step();
            dueAts[i] = ClockRepository.utc(e.dueAt());
            recipients[i] = e.recipients();
        }
        return tx.preparedQuery("""
                INSERT INTO escalation (timer_id, appeal_id, clock, step, due_at, fired_at, recipients)
                SELECT timer_id, appeal_id, clock, step, due_at, $7, recipients
                FROM unnest($1::bigint[], $2::bigint[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::text[])
                    AS e(timer_id, appeal_id, clock, step, due_at, recipients)""")
                .execute(Tuple.tuple(List.of(timerIds, appealIds, clocks, steps, dueAts, recipients,
                        ClockRepository.utc(firedAt))))
                .replaceWithVoid();
    }

    /** Makes claimed timers pending again (their action could not run now); the next sweep retries them. */
    public Uni<Void> rearm(SqlClient tx, Long[] timerIds) {
        return tx.preparedQuery("UPDATE sla_timer SET fired_at = NULL WHERE id = ANY($1) AND NOT cancelled")
                .execute(Tuple.of((Object) timerIds)).replaceWithVoid();
    }

    /** The earliest due time of any pending timer (due or not), or null when none is pending. */
    public Uni<Instant> nextDue() {
        return pool.preparedQuery("SELECT min(due_at) AS next FROM sla_timer WHERE fired_at IS NULL")
                .execute()
                .map(rows -> ClockRepository.instant(rows.iterator().next().getOffsetDateTime("next")));
    }
}
