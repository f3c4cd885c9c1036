package cn.huiyin.supervision.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.supervision.SupervisionConfig;
import cn.huiyin.supervision.domain.OrderStep;
import cn.huiyin.supervision.domain.ReplyDeadline;
import cn.huiyin.supervision.persistence.SupervisionRepository;
import cn.huiyin.supervision.persistence.SupervisionRepository.Climbed;
import cn.huiyin.supervision.persistence.SupervisionRepository.OrderEventRow;
import cn.huiyin.supervision.persistence.SupervisionRepository.OrderRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Supervision orders (督办单): the district centre issues one on a late appeal, the holding unit's leader answers
 * it, and one not answered by its deadline climbs to the district leader. Each step, its history entry and the
 * appeal's internal event ({@code SUPERVISION_ORDER_*}, which the metrics count) commit together.
 */
@ApplicationScoped
public class SupervisionOrders {

    /** Who the history names for an escalation. */
    public static final String ACTOR = "system:supervision";

    private static final Map<String, String> HISTORY_LABELS = Map.of("ISSUED", "下发督办单", "ESCALATED",
            "逾期未复，升级至区领导", "ANSWERED", "单位领导答复");

    private static final int LIST_LIMIT = 200;

    @Inject
    Pool pool;

    @Inject
    SupervisionRepository orders;

    @Inject
    AppealRecords appeals;

    @Inject
    SlaCalendar calendar;

    @Inject
    SupervisionConfig config;

    @Inject
    Clock clock;

    /** Issues an order on an open appeal to the unit holding it, due {@code replyDays} working days from now. */
    public Uni<IssueOutcome> issue(String trackingNo, String demand, int replyDays, Caller by) {
        Instant now = clock.instant();
        return calendar.calculator().map(calculator -> ReplyDeadline.of(calculator, now, replyDays))
                .chain(due -> pool.withTransaction(tx -> orders.lockAppeal(tx, trackingNo).chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(new IssueOutcome.NoSuchAppeal());
                    }
                    SupervisionRepository.AppealTarget appeal = found.get();
                    if (!AppealStatus.valueOf(appeal.status()).awaitsAnswer()) {
                        return Uni.createFrom().item(new IssueOutcome.NotOpen(appeal.status()));
                    }
                    if (appeal.unitCode() == null) {
                        return Uni.createFrom().item(new IssueOutcome.NoUnit());
                    }
                    return orders.insertOrder(tx, appeal, demand, replyDays, by.actor(), now, due).chain(id -> id.isEmpty()
                            ? Uni.createFrom().item(new IssueOutcome.AlreadyOpen())
                            : orders.recordEvent(tx, id.get(), "ISSUED", by.actor(), now, demand)
                                    .chain(() -> chain(tx, appeal.id(), NewEvent.of(new AppealEvent.SupervisionOrderIssued(
                                            id.get(), appeal.unitCode(), due.toString()), by.actor(), now, demand,
                                            PlannedEvent.Visibility.INTERNAL)))
                                    .chain(() -> view(tx, id.get())).map(IssueOutcome.Issued::new));
                })));
    }

    /** The unit's leader answers with a written explanation; an order of another unit is answered as not found. */
    public Uni<AnswerOutcome> answer(long id, String explanation, Caller by) {
        Instant now = clock.instant();
        AnswerOutcome notYours = new AnswerOutcome.Refused(OrderStep.Refusal.NOT_YOURS);
        return pool.withTransaction(tx -> orders.appealOf(tx, id).chain(appealId -> appealId.isEmpty()
                ? Uni.createFrom().item(notYours)
                : orders.lockAppealRow(tx, appealId.get()).chain(() -> orders.lockOrder(tx, id)).chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(notYours);
                    }
                    OrderStep step = found.get().answer(by.unitCode(), explanation, by.actor(), now);
                    if (step instanceof OrderStep.Refused refused) {
                        return Uni.createFrom().item(new AnswerOutcome.Refused(refused.refusal()));
                    }
                    OrderStep.Moved moved = (OrderStep.Moved) step;
                    NewEvent answered = NewEvent.of(new AppealEvent.SupervisionOrderAnswered(id,
                            !moved.order().answeredLate()), by.actor(), now, explanation, PlannedEvent.Visibility.INTERNAL);
                    return orders.saveAnswer(tx, moved.order())
                            .chain(() -> orders.recordEvent(tx, id, "ANSWERED", by.actor(), now, explanation))
                            .chain(() -> chain(tx, appealId.get(), answered))
                            .chain(() -> view(tx, id)).map(AnswerOutcome.Answered::new);
                })));
    }

    /** The caller's unit's orders, those waiting for an answer first. */
    public Uni<List<OrderView>> ofUnit(Caller unitLeader) {
        return orders.ofUnit(unitLeader.unitCode(), LIST_LIMIT).chain(this::views);
    }

    /** The orders that climbed to the district leader and still wait for their answer. */
    public Uni<List<OrderView>> escalated() {
        return orders.escalated(LIST_LIMIT).chain(this::views);
    }

    /** By appeal id, the latest order of each of these appeals that has one, waiting or answered. */
    public Uni<Map<Long, OrderView>> latestOn(Long[] appealIds) {
        return orders.latestOn(appealIds).chain(rows -> views(rows).map(views -> {
            Map<Long, OrderView> byAppeal = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                byAppeal.put(rows.get(i).order().appealId(), views.get(i));
            }
            return byAppeal;
        }));
    }

    /** Escalates every open order past its reply deadline, batch after batch; how many escalated. */
    public Uni<Integer> escalateDue() {
        return escalateDue(0);
    }

    private Uni<Integer> escalateDue(int soFar) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> orders.escalateDue(tx, now, config.escalateBatch(), ACTOR)
                .call(climbed -> appeals.append(tx, climbedEvents(climbed, now))))
                .chain(climbed -> climbed.size() < config.escalateBatch() ? Uni.createFrom().item(soFar + climbed.size())
                        : escalateDue(soFar + climbed.size()));
    }

    /** One appeal holds one waiting order at most, so each climbed order is its appeal's only event here. */
    private static Map<Long, List<NewEvent>> climbedEvents(List<Climbed> climbed, Instant now) {
        Map<Long, List<NewEvent>> events = new HashMap<>();
        for (Climbed c : climbed) {
            events.put(c.appealId(), List.of(NewEvent.of(new AppealEvent.SupervisionOrderClimbed(c.orderId(),
                    AppealEvent.SupervisionOrderClimbed.DISTRICT_LEADER, c.replyDueAt().toString()), ACTOR, now, null,
                    PlannedEvent.Visibility.INTERNAL)));
        }
        return events;
    }

    private Uni<Void> chain(SqlConnection tx, long appealId, NewEvent event) {
        return appeals.append(tx, Map.of(appealId, List.of(event)));
    }

    private Uni<OrderView> view(SqlClient client, long id) {
        return orders.order(client, id).chain(row -> orders.history(client, new Long[] { id })
                .map(history -> OrderView.of(row.orElseThrow().order(), row.get().title(), row.get().unitName(),
                        row.get().answeredByName(), entries(history))));
    }

    private Uni<List<OrderView>> views(List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] ids = rows.stream().map(row -> row.order().id()).toArray(Long[]::new);
        return orders.history(pool, ids).map(history -> {
            Map<Long, List<OrderEventRow>> byOrder = new HashMap<>();
            history.forEach(event -> byOrder.computeIfAbsent(event.orderId(), key -> new ArrayList<>()).add(event));
            return rows.stream().map(row -> OrderView.of(row.order(), row.title(), row.unitName(), row.answeredByName(),
                    entries(byOrder.getOrDefault(row.order().id(), List.of())))).toList();
        });
    }

    private static List<OrderView.HistoryEntry> entries(List<OrderEventRow> history) {
        return history.stream().map(event -> new OrderView.HistoryEntry(event.kind(),
                HISTORY_LABELS.getOrDefault(event.kind(), event.kind()), event.actor(), event.occurredAt(), event.note()))
                .toList();
    }
}
