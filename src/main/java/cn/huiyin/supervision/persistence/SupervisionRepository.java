package cn.huiyin.supervision.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.supervision.domain.OrderState;
import cn.huiyin.supervision.domain.SupervisionOrder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Supervision orders and their history. The orders are this capability's own tables; a late appeal, its unit and
 * its ladder are read from the appeal and SLA tables (read only), because neither capability offers that read yet.
 */
@ApplicationScoped
public class SupervisionRepository {

    /** An appeal the desk lists: supervised or overdue, with the clock that ran out first (null when none did). */
    public record DeskRow(long appealId, String trackingNo, String title, String status, String unitCode,
            String unitName, String holder, String holderName, boolean supervised, String lateClock, Instant breachAt,
            Instant clockStoppedAt) {
    }

    /**
     * Where an appeal stands for the desk: whether its late list shows it (supervised, or an OVERDUE escalation, as
     * {@link #desk} selects), and its holder's name.
     */
    public record Standing(String trackingNo, boolean onDesk, String holderName) {
    }

    /** One fired step of an appeal's escalation ladder. */
    public record LadderRow(long appealId, String clock, String step, Instant dueAt, Instant firedAt) {
    }

    /** The appeal an order is issued on, locked for the issuing transaction. */
    public record AppealTarget(long id, String trackingNo, String status, String unitCode) {
    }

    /** An order with what its pages show next to it; {@code answeredByName} is the answering leader's name, if known. */
    public record OrderRow(SupervisionOrder order, String title, String unitName, String answeredByName) {
    }

    public record OrderEventRow(long orderId, String kind, String actor, Instant occurredAt, String note) {
    }

    /** An order the escalation moved, with what its appeal's event says. */
    public record Climbed(long orderId, long appealId, Instant replyDueAt) {
    }

    /** Sorts an appeal without a breach (supervised by hand) after every breach. */
    public static final Instant NO_BREACH = Instant.parse("9999-12-31T00:00:00Z");

    @Inject
    Pool pool;

    /**
     * Open appeals that are supervised or have an OVERDUE escalation, oldest breach first, after the keyset
     * ({@code afterBreach}, {@code afterId}). The late clock is the first that ran out and still runs, else the first
     * that ran out.
     */
    public Uni<List<DeskRow>> desk(String[] openStatuses, Instant afterBreach, long afterId, int limit) {
        return pool.preparedQuery("""
                SELECT * FROM (
                    SELECT a.id, a.tracking_no, a.title, a.status, a.handling_unit, u.name AS unit_name, a.assignee,
                        s.display_name AS holder_name, a.supervised, b.clock, b.due_at, b.stopped_at,
                        COALESCE(b.due_at, $2) AS breach_key
                    FROM appeal a
                    LEFT JOIN handling_unit u ON u.code = a.handling_unit
                    LEFT JOIN staff_member s ON s.username = a.assignee
                    LEFT JOIN LATERAL (
                        SELECT e.clock, e.due_at, c.stopped_at
                        FROM escalation e JOIN sla_timer t ON t.id = e.timer_id JOIN appeal_clock c ON c.id = t.clock_id
                        WHERE e.appeal_id = a.id AND e.step = 'OVERDUE'
                        ORDER BY (c.stopped_at IS NOT NULL), e.due_at, e.id LIMIT 1) b ON true
                    WHERE a.status = ANY($1)
                      AND (a.supervised OR b.clock IS NOT NULL)
                ) d
                WHERE (d.breach_key, d.id) > ($3, $4)
                ORDER BY d.breach_key, d.id
                LIMIT $5""")
                .execute(Tuple.tuple(List.of(openStatuses, utc(NO_BREACH), utc(afterBreach), afterId, limit)))
                .map(rows -> {
                    List<DeskRow> desk = new ArrayList<>();
                    for (Row r : rows) {
                        desk.add(new DeskRow(r.getLong("id"), r.getString("tracking_no"), r.getString("title"),
                                r.getString("status"), r.getString("handling_unit"), r.getString("unit_name"),
                                r.getString("assignee"), r.getString("holder_name"), r.getBoolean("supervised"),
                                r.getString("clock"), instant(r, "due_at"), instant(r, "stopped_at")));
                    }
                    return desk;
                });
    }

    /** How these appeals stand for the desk (those that do not exist are left out). */
    public Uni<List<Standing>> standings(String[] trackingNos) {
        return pool.preparedQuery("""
                SELECT a.tracking_no, s.display_name AS holder_name,
                    (a.supervised OR EXISTS (SELECT 1 FROM escalation e WHERE e.appeal_id = a.id AND e.step = 'OVERDUE'))
                        AS on_desk
                FROM appeal a LEFT JOIN staff_member s ON s.username = a.assignee
                WHERE a.tracking_no = ANY($1)""")
                .execute(Tuple.of((Object) trackingNos))
                .map(rows -> {
                    List<Standing> standings = new ArrayList<>();
                    for (Row r : rows) {
                        standings.add(new Standing(r.getString("tracking_no"), r.getBoolean("on_desk"),
                                r.getString("holder_name")));
                    }
                    return standings;
                });
    }

    /** The fired steps of these appeals' ladders, in the order they fired. */
    public Uni<List<LadderRow>> ladders(Long[] appealIds) {
        return pool.preparedQuery("""
                SELECT appeal_id, clock, step, due_at, fired_at FROM escalation
                WHERE appeal_id = ANY($1) ORDER BY fired_at, id""")
                .execute(Tuple.of(appealIds))
                .map(rows -> {
                    List<LadderRow> ladder = new ArrayList<>();
                    for (Row r : rows) {
                        ladder.add(new LadderRow(r.getLong("appeal_id"), r.getString("clock"), r.getString("step"),
                                instant(r, "due_at"), instant(r, "fired_at")));
                    }
                    return ladder;
                });
    }

    public Uni<Optional<AppealTarget>> lockAppeal(SqlClient tx, String trackingNo) {
        return tx.preparedQuery("SELECT id, tracking_no, status, handling_unit FROM appeal WHERE tracking_no = $1 FOR UPDATE")
                .execute(Tuple.of(trackingNo))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new AppealTarget(r.getLong("id"), r.getString("tracking_no"), r.getString("status"),
                            r.getString("handling_unit")));
                });
    }

    /** A new open order; empty when the appeal has one waiting for its answer already (nothing stored). */
    public Uni<Optional<Long>> insertOrder(SqlClient tx, AppealTarget appeal, String demand, int replyDays,
            String issuedBy, Instant issuedAt, Instant replyDueAt) {
        return tx.preparedQuery("""
                INSERT INTO supervision_order (appeal_id, unit_code, demand, reply_days, issued_by, issued_at, reply_due_at, state)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 'OPEN')
                ON CONFLICT (appeal_id) WHERE state <> 'ANSWERED' DO NOTHING RETURNING id""")
                .execute(Tuple.tuple(List.of(appeal.id(), appeal.unitCode(), demand, replyDays, issuedBy, utc(issuedAt),
                        utc(replyDueAt))))
                .map(rows -> rows.size() == 0 ? Optional.<Long> empty() : Optional.of(rows.iterator().next().getLong("id")));
    }

    public Uni<Void> recordEvent(SqlClient tx, long orderId, String kind, String actor, Instant at, String note) {
        return tx.preparedQuery("INSERT INTO supervision_order_event (order_id, kind, actor, occurred_at, note) "
                + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(orderId, kind, actor, utc(at), note)).replaceWithVoid();
    }

    /** The appeal an order is on, read without a lock (it never changes), so it can be locked before the order. */
    public Uni<Optional<Long>> appealOf(SqlClient client, long orderId) {
        return client.preparedQuery("SELECT appeal_id FROM supervision_order WHERE id = $1").execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.<Long> empty()
                        : Optional.of(rows.iterator().next().getLong("appeal_id")));
    }

    /**
     * Locks an appeal row. Every move of an order locks its appeal first and the order second, as issuing does (the
     * appeal's event is chained in the same transaction), so two moves cannot wait on each other in a circle.
     */
    public Uni<Void> lockAppealRow(SqlClient tx, long appealId) {
        return tx.preparedQuery("SELECT id FROM appeal WHERE id = $1 FOR UPDATE").execute(Tuple.of(appealId))
                .replaceWithVoid();
    }

    public Uni<Optional<SupervisionOrder>> lockOrder(SqlClient tx, long id) {
        return tx.preparedQuery(SELECT_ORDERS + " WHERE o.id = $1 FOR UPDATE OF o").execute(Tuple.of(id))
                .map(rows -> orders(rows).stream().map(OrderRow::order).findFirst());
    }

    public Uni<Void> saveAnswer(SqlClient tx, SupervisionOrder answered) {
        return tx.preparedQuery("UPDATE supervision_order SET state = $2, answer = $3, answered_by = $4, answered_at = $5 "
                + "WHERE id = $1")
                .execute(Tuple.of(answered.id(), answered.state().name(), answered.answer(), answered.answeredBy(),
                        utc(answered.answeredAt())))
                .replaceWithVoid();
    }

    /**
     * Escalates up to {@code limit} open orders whose reply deadline has passed, and records it in their history, in
     * one statement: the orders and their appeals are claimed with {@code SKIP LOCKED} (an order whose appeal another
     * transaction holds waits for the next tick, so the appeal's event can be chained here without waiting) and only
     * an OPEN order moves, so with any number of replicas each order escalates exactly once. Mirrors
     * {@link SupervisionOrder#escalate}.
     */
    public Uni<List<Climbed>> escalateDue(SqlClient tx, Instant now, int limit, String actor) {
        return tx.preparedQuery("""
                WITH due AS (
                    SELECT o.id FROM supervision_order o JOIN appeal a ON a.id = o.appeal_id
                    WHERE o.state = 'OPEN' AND o.reply_due_at <= $1
                    ORDER BY o.reply_due_at, o.id LIMIT $2 FOR UPDATE OF o, a SKIP LOCKED),
                moved AS (
                    UPDATE supervision_order o SET state = 'ESCALATED', escalated_at = $1
                    FROM due WHERE o.id = due.id AND o.state = 'OPEN' RETURNING o.id, o.appeal_id, o.reply_due_at),
                logged AS (
                    INSERT INTO supervision_order_event (order_id, kind, actor, occurred_at, note)
                    SELECT id, 'ESCALATED', $3, $1, NULL FROM moved)
                SELECT id, appeal_id, reply_due_at FROM moved ORDER BY id""")
                .execute(Tuple.of(utc(now), limit, actor))
                .map(rows -> {
                    List<Climbed> climbed = new ArrayList<>();
                    rows.forEach(r -> climbed.add(new Climbed(r.getLong("id"), r.getLong("appeal_id"),
                            instant(r, "reply_due_at"))));
                    return climbed;
                });
    }

    /** One order with its appeal's title and its unit's name, read through {@code client} (a transaction sees its own). */
    public Uni<Optional<OrderRow>> order(SqlClient client, long id) {
        return client.preparedQuery(SELECT_ORDERS + " WHERE o.id = $1").execute(Tuple.of(id))
                .map(rows -> orders(rows).stream().findFirst());
    }

    /**
     * The latest order on each of these appeals, whatever its state: an order waiting for its answer is always its
     * appeal's latest (a new one is issued only once the last is answered), else the last answered one.
     */
    public Uni<List<OrderRow>> latestOn(Long[] appealIds) {
        return pool.preparedQuery("SELECT DISTINCT ON (o.appeal_id) " + ORDER_COLUMNS + "\n" + ORDER_TABLES
                + " WHERE o.appeal_id = ANY($1) ORDER BY o.appeal_id, o.issued_at DESC, o.id DESC")
                .execute(Tuple.of((Object) appealIds)).map(SupervisionRepository::orders);
    }

    /** A unit's orders, those waiting for an answer first, then the most recently issued. */
    public Uni<List<OrderRow>> ofUnit(String unitCode, int limit) {
        return pool.preparedQuery(SELECT_ORDERS + " WHERE o.unit_code = $1 "
                + "ORDER BY (o.state = 'ANSWERED'), o.reply_due_at, o.id LIMIT $2")
                .execute(Tuple.of(unitCode, limit)).map(SupervisionRepository::orders);
    }

    /** Orders that climbed to the district leader and still wait for their answer, the longest overdue first. */
    public Uni<List<OrderRow>> escalated(int limit) {
        return pool.preparedQuery(SELECT_ORDERS + " WHERE o.state = 'ESCALATED' ORDER BY o.reply_due_at, o.id LIMIT $1")
                .execute(Tuple.of(limit)).map(SupervisionRepository::orders);
    }

    public Uni<List<OrderEventRow>> history(SqlClient client, Long[] orderIds) {
        return client.preparedQuery("SELECT order_id, kind, actor, occurred_at, note FROM supervision_order_event "
                + "WHERE order_id = ANY($1) ORDER BY occurred_at, id")
                .execute(Tuple.of((Object) orderIds))
                .map(rows -> {
                    List<OrderEventRow> events = new ArrayList<>();
                    for (Row r : rows) {
                        events.add(new OrderEventRow(r.getLong("order_id"), r.getString("kind"), r.getString("actor"),
                                instant(r, "occurred_at"), r.getString("note")));
                    }
                    return events;
                });
    }

    private static final String ORDER_COLUMNS = "o.*, a.tracking_no, a.title, u.name AS unit_name, "
            + "sa.display_name AS answered_by_name";

    /** The answerer is read back from the actor ({@code role:username}, as {@code Caller.actor()} writes it). */
    private static final String ORDER_TABLES = """
            FROM supervision_order o JOIN appeal a ON a.id = o.appeal_id
            LEFT JOIN handling_unit u ON u.code = o.unit_code
            LEFT JOIN staff_member sa ON sa.username = substring(o.answered_by FROM position(':' IN o.answered_by) + 1)""";

    private static final String SELECT_ORDERS = "SELECT " + ORDER_COLUMNS + "\n" + ORDER_TABLES;

    private static List<OrderRow> orders(RowSet<Row> rows) {
        List<OrderRow> orders = new ArrayList<>();
        for (Row r : rows) {
            SupervisionOrder order = new SupervisionOrder(r.getLong("id"), r.getLong("appeal_id"), r.getString("tracking_no"),
                    r.getString("unit_code"), r.getString("demand"), r.getInteger("reply_days"), r.getString("issued_by"),
                    instant(r, "issued_at"), instant(r, "reply_due_at"), OrderState.valueOf(r.getString("state")),
                    instant(r, "escalated_at"), r.getString("answer"), r.getString("answered_by"), instant(r, "answered_at"));
            orders.add(new OrderRow(order, r.getString("title"), r.getString("unit_name"), r.getString("answered_by_name")));
        }
        return orders;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
