package cn.huiyin.metrics.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.metrics.domain.DemoHistory;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.sla.domain.ClockPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Demo mode only: writes drawn history as real appeals, hash-chained events and clocks. */
@ApplicationScoped
public class DemoHistoryRepository {

    static final String MARKER = "demo-history-";
    private static final String DEMO_ACTOR = "system:demo-history";

    @Inject
    Pool pool;

    @Inject
    AppealRecords appender;

    public Uni<Boolean> alreadySeeded() {
        return pool.preparedQuery("SELECT count(*) FROM appeal WHERE dedupe_key = $1").execute(Tuple.of(MARKER + 0))
                .map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    public Uni<List<DemoHistory.Example>> examples() {
        return pool.query("""
                SELECT e.text, e.category, c.unit_rule FROM routing_example e
                JOIN dispatch_category c ON c.code = e.category WHERE e.source = 'SEED' ORDER BY e.id""").execute()
                .map(rows -> {
                    List<DemoHistory.Example> examples = new ArrayList<>();
                    rows.forEach(r -> examples.add(new DemoHistory.Example(r.getString("text"), r.getString("category"),
                            "DISPATCH".equals(r.getString("unit_rule")) ? "DRC" : r.getString("unit_rule"))));
                    return examples;
                });
    }

    public Uni<List<String>> streets() {
        return pool.query("SELECT code FROM handling_unit WHERE kind = 'STREET' ORDER BY code").execute().map(rows -> {
            List<String> streets = new ArrayList<>();
            rows.forEach(r -> streets.add(r.getString("code")));
            return streets;
        });
    }

    /** Writes appeals {@code first..} of the history in one transaction. */
    public Uni<Void> write(List<DemoHistory.Appeal> appeals, int first) {
        return pool.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < appeals.size(); i++) {
                DemoHistory.Appeal a = appeals.get(i);
                int serial = first + i;
                chain = chain.chain(() -> insert(tx, a, serial));
            }
            return chain;
        });
    }

    private Uni<Void> insert(SqlConnection tx, DemoHistory.Appeal a, int serial) {
        String trackingNo = TrackingNumber.issue(a.receivedAt(), 500_000 + serial).value();
        return tx.preparedQuery("""
                INSERT INTO appeal (tracking_no, channel, dedupe_key, identity_state, title, content, appeal_type, category,
                    status, handling_unit, street_code, received_at, dispatched_at, updated_at, event_count, last_event_hash)
                VALUES ($1, $2, $3, 'MISSING', $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), 0, $13)
                ON CONFLICT DO NOTHING RETURNING id""")
                .execute(Tuple.tuple(Arrays.asList(trackingNo, a.channel(), MARKER + serial, a.title(), a.content(),
                        a.appealType(), a.category(), a.status(), a.unit(), a.street(), ProjectionRepository.utc(a.receivedAt()),
                        ProjectionRepository.utc(a.dispatchedAt()), Buffer.buffer(EventChain.GENESIS))))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    long id = rows.iterator().next().getLong("id");
                    List<NewEvent> events = a.events().stream().map(e -> NewEvent.of(e.event(), DEMO_ACTOR, e.at(), null,
                            PlannedEvent.Visibility.PUBLIC)).toList();
                    return appender.append(tx, Map.of(id, events)).chain(() -> clocks(tx, id, a));
                });
    }

    private static Uni<Void> clocks(SqlConnection tx, long appealId, DemoHistory.Appeal a) {
        List<Tuple> rows = new ArrayList<>();
        for (ClockPlan plan : a.clocks()) {
            Instant stopped = switch (plan.clock()) {
                case RESPOND -> firstOf(a, AppealEvent.FirstContact.class);
                case HANDLE -> firstOf(a, AppealEvent.Replied.class);
                // as the steps stop it: handling begun, answered or returned, whichever came first
                case RETURN_WINDOW -> firstOf(a, AppealEvent.FirstContact.class, AppealEvent.Replied.class,
                        AppealEvent.Returned.class);
                default -> null;
            };
            rows.add(Tuple.tuple(Arrays.asList(appealId, plan.clock().name(), plan.rule().id(),
                    ProjectionRepository.utc(plan.startedAt()), ProjectionRepository.utc(plan.dueAt()),
                    ProjectionRepository.utc(stopped))));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at, stopped_at)
                VALUES ($1, $2, 1, $3, $4, $5, $6)""").executeBatch(rows).replaceWithVoid();
    }

    @SafeVarargs
    private static Instant firstOf(DemoHistory.Appeal a, Class<? extends AppealEvent>... types) {
        List<Class<? extends AppealEvent>> wanted = List.of(types);
        return a.events().stream().filter(e -> wanted.stream().anyMatch(type -> type.isInstance(e.event())))
                .map(DemoHistory.Event::at).min(Instant::compareTo).orElse(null);
    }
}
