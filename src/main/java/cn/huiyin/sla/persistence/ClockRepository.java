package cn.huiyin.sla.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.sla.domain.ClockPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Clocks and their escalation timers. */
@ApplicationScoped
public class ClockRepository {

    /** A clock to start for an appeal, in round {@code round}. */
    public record Start(long appealId, int round, ClockPlan plan) {
    }

    public record StoredClock(long id, long appealId, String clock, int round, long ruleId, Instant startedAt,
            Instant dueAt, int extendedDays, Instant stoppedAt, Instant warningAt, Instant supervisionAt) {
    }

    @Inject
    Pool pool;

    /** Starts clocks and arms their timers, in the caller's transaction. Starting a clock twice changes nothing. */
    public Uni<Void> start(SqlClient tx, List<Start> starts) {
        if (starts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> clocks = starts.stream().map(s -> Tuple.of(s.appealId(), s.plan().clock().name(), s.round(),
                s.plan().rule().id(), utc(s.plan().startedAt()), utc(s.plan().dueAt()))).toList();
        return tx.preparedQuery("""
                INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (appeal_id, clock, round) DO NOTHING RETURNING id""")
                .executeBatch(clocks)
                .chain(first -> {
                    List<Tuple> timers = new ArrayList<>();
                    var rows = first;
                    for (Start s : starts) {
                        if (rows.iterator().hasNext()) {
                            long clockId = rows.iterator().next().getLong("id");
                            s.plan().timers().forEach(t -> timers.add(
                                    Tuple.of(clockId, s.appealId(), t.step().name(), utc(t.dueAt()))));
                        }
                        rows = rows.next();
                    }
                    return timers.isEmpty() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("INSERT INTO sla_timer (clock_id, appeal_id, step, due_at) VALUES ($1, $2, $3, $4)")
                                    .executeBatch(timers).replaceWithVoid();
                });
    }

    /** Records that {@code unit} holds the appeal from {@code at} (and that the previous holder let go). */
    public Uni<Void> takeCustody(SqlClient tx, List<Tuple> appealUnitAt) {
        if (appealUnitAt.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("UPDATE custody SET until_at = $3::timestamptz WHERE appeal_id = $1::bigint AND until_at IS NULL AND unit_code <> $2::varchar")
                .executeBatch(appealUnitAt)
                .chain(() -> tx.preparedQuery("""
                        INSERT INTO custody (appeal_id, unit_code, from_at)
                        SELECT $1::bigint, $2::varchar, $3::timestamptz WHERE NOT EXISTS
                            (SELECT 1 FROM custody WHERE appeal_id = $1::bigint AND unit_code = $2::varchar AND until_at IS NULL)""")
                        .executeBatch(appealUnitAt))
                .replaceWithVoid();
    }

    public Uni<List<StoredClock>> clocksOf(long appealId) {
        return pool.preparedQuery(SELECT_CLOCKS + " WHERE c.appeal_id = $1 ORDER BY c.id").execute(Tuple.of(appealId))
                .map(ClockRepository::clocks);
    }

    public Uni<Optional<StoredClock>> running(long appealId, String clock) {
        return pool.preparedQuery(SELECT_CLOCKS + " WHERE c.appeal_id = $1 AND c.clock = $2 AND c.stopped_at IS NULL "
                + "ORDER BY c.round DESC LIMIT 1").execute(Tuple.of(appealId, clock))
                .map(rows -> clocks(rows).stream().findFirst());
    }

    /** The next round number of a clock of the appeal (1 for its first). */
    public Uni<Integer> nextRound(SqlClient tx, long appealId, String clock) {
        return tx.preparedQuery("SELECT coalesce(max(round), 0) + 1 AS next FROM appeal_clock WHERE appeal_id = $1 AND clock = $2")
                .execute(Tuple.of(appealId, clock)).map(rows -> rows.iterator().next().getInteger("next"));
    }

    /** Whether the clock runs now; with {@code dueAfter}, also whether it is still before its due time. */
    public Uni<Boolean> isRunning(SqlClient tx, long appealId, String clock, Instant dueAfter) {
        return (dueAfter == null
                ? tx.preparedQuery("SELECT 1 FROM appeal_clock WHERE appeal_id = $1 AND clock = $2 AND stopped_at IS NULL")
                        .execute(Tuple.of(appealId, clock))
                : tx.preparedQuery("SELECT 1 FROM appeal_clock WHERE appeal_id = $1 AND clock = $2 AND stopped_at IS NULL "
                        + "AND due_at > $3").execute(Tuple.of(appealId, clock, dueAfter.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.size() > 0);
    }

    /** Running clocks after {@code afterId}, for jobs that walk all of them page by page. */
    public Uni<List<StoredClock>> runningPage(long afterId, int limit) {
        return pool.preparedQuery(SELECT_CLOCKS + " WHERE c.stopped_at IS NULL AND c.id > $1 ORDER BY c.id LIMIT $2")
                .execute(Tuple.of(afterId, limit)).map(ClockRepository::clocks);
    }

    /** Records the one extension a clock may have; false when it already had one (or is not running). */
    public Uni<Boolean> markExtended(SqlClient tx, long clockId, int days) {
        return tx.preparedQuery(APPEAL_FIRST + """
                UPDATE appeal_clock SET extended_days = $2
                WHERE id = $1 AND extended_days = 0 AND stopped_at IS NULL AND EXISTS (SELECT 1 FROM holder)""")
                .execute(Tuple.of(clockId, days)).map(updated -> updated.rowCount() == 1);
    }

    /**
     * Locks the appeal of clock $1 before the clock row: a handling clock's due time is copied onto the appeal row
     * (V20's trigger), and the lifecycle steps lock the appeal first too, so a re-timing or an extension running
     * beside a reply waits for it instead of deadlocking with it. The uncorrelated EXISTS runs once, before the scan.
     */
    private static final String APPEAL_FIRST = """
            WITH holder AS (SELECT a.id FROM appeal a WHERE a.id = (SELECT c.appeal_id FROM appeal_clock c WHERE c.id = $1)
                FOR UPDATE OF a)
            """;

    /** Stops the appeal's running clocks of these kinds and cancels their pending steps, in the caller's transaction. */
    public Uni<Void> stopRunning(SqlClient tx, long appealId, String[] kinds, Instant at) {
        return stopRunning(tx, appealId, kinds, null, at);
    }

    /** Stops one round's clock of this kind only (another round's may still be running). */
    public Uni<Void> stopRound(SqlClient tx, long appealId, String kind, int round, Instant at) {
        return stopRunning(tx, appealId, new String[] { kind }, round, at);
    }

    private Uni<Void> stopRunning(SqlClient tx, long appealId, String[] kinds, Integer round, Instant at) {
        return tx.preparedQuery("""
                WITH stopped AS (
                    UPDATE appeal_clock SET stopped_at = $3 WHERE appeal_id = $1 AND clock = ANY($2) AND stopped_at IS NULL
                        AND ($4::integer IS NULL OR round = $4::integer)
                    RETURNING id)
                UPDATE sla_timer SET fired_at = $3, cancelled = true
                WHERE clock_id IN (SELECT id FROM stopped) AND fired_at IS NULL""")
                .execute(Tuple.tuple(Arrays.asList(appealId, kinds, utc(at), round))).replaceWithVoid();
    }

    /**
     * Moves a running clock's due time and its not-yet-fired timers (extension, calendar or rule change). A handling
     * clock's new due time reaches the appeal row, and with it the work queue's order, in the same statement (V20).
     */
    public Uni<Void> reschedule(SqlClient tx, long clockId, ClockPlan plan, int extendedDays) {
        List<Tuple> timers = plan.timers().stream()
                .map(t -> Tuple.of(clockId, t.step().name(), utc(t.dueAt()))).toList();
        Uni<Void> clock = tx.preparedQuery(APPEAL_FIRST
                + "UPDATE appeal_clock SET due_at = $2, extended_days = $3 WHERE id = $1 AND EXISTS (SELECT 1 FROM holder)")
                .execute(Tuple.of(clockId, utc(plan.dueAt()), extendedDays)).replaceWithVoid();
        return timers.isEmpty() ? clock : clock.chain(() -> tx.preparedQuery(
                "UPDATE sla_timer SET due_at = $3 WHERE clock_id = $1 AND step = $2 AND fired_at IS NULL")
                .executeBatch(timers).replaceWithVoid());
    }

    private static final String SELECT_CLOCKS = """
            SELECT c.id, c.appeal_id, c.clock, c.round, c.rule_id, c.started_at, c.due_at, c.extended_days, c.stopped_at,
                (SELECT due_at FROM sla_timer t WHERE t.clock_id = c.id AND t.step = 'WARNING') AS warning_at,
                (SELECT due_at FROM sla_timer t WHERE t.clock_id = c.id AND t.step = 'SUPERVISION') AS supervision_at
            FROM appeal_clock c""";

    private static List<StoredClock> clocks(Iterable<Row> rows) {
        List<StoredClock> clocks = new ArrayList<>();
        for (Row r : rows) {
            clocks.add(new StoredClock(r.getLong("id"), r.getLong("appeal_id"), r.getString("clock"), r.getInteger("round"),
                    r.getLong("rule_id"), instant(r.getOffsetDateTime("started_at")), instant(r.getOffsetDateTime("due_at")),
                    r.getInteger("extended_days"), instant(r.getOffsetDateTime("stopped_at")),
                    instant(r.getOffsetDateTime("warning_at")), instant(r.getOffsetDateTime("supervision_at"))));
        }
        return clocks;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
