package cn.huiyin.sla.persistence;

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

    /**
     * Marks up to {@code limit} due timers as fired, in the caller's transaction. The claim locks the timers' appeals,
     * not the timers, and skips an appeal another transaction holds ({@code SKIP LOCKED}): every writer of an appeal's
     * timers (a work-queue step, an extension, another sweeper) holds the appeal first, so a sweeper waits for nobody
     * and nobody waits for it in a cycle, and several sweepers work side by side on different appeals. A timer whose
     * appeal is held fires at the next sweep, unless the holder has stopped its clock meanwhile. (Locking the timers
     * too would leave a timer locked by a claim whose appeal was then skipped, so that no sweeper fired it until the
     * next sweep.)
     *
     * <p>The timers are read in this statement's snapshot, and a holder may commit between that snapshot and the
     * appeal's lock: the update therefore tests each timer's latest version again — still pending (not fired by
     * another sweeper, not cancelled by a step) and still due (not moved later by an extension) — and the unit comes
     * from the locked, latest appeal row (not from before a transfer).
     */
    public Uni<List<FiredTimer>> claimDue(SqlClient tx, Instant now, int limit) {
        return tx.preparedQuery("""
                WITH due AS (
                    SELECT t.id, a.handling_unit FROM sla_timer t JOIN appeal a ON a.id = t.appeal_id
                    WHERE t.fired_at IS NULL AND t.due_at <= $1
                    ORDER BY t.due_at LIMIT $2 FOR UPDATE OF a SKIP LOCKED)
                UPDATE sla_timer t SET fired_at = $1
                FROM due, appeal_clock c
                WHERE t.id = due.id AND t.fired_at IS NULL AND t.due_at <= $1 AND c.id = t.clock_id
                RETURNING t.id, t.appeal_id, c.clock, c.round, t.step, t.due_at, due.handling_unit""")
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
