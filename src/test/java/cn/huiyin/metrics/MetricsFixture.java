package cn.huiyin.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.shared.domain.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Builds appeals with exactly the history a test needs: a unit of its own (so figures are not mixed with other
 * tests' appeals), appeal rows, clocks, and events appended through the real hash-chaining appender.
 */
@ApplicationScoped
public class MetricsFixture {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Inject
    AppealRecords appender;

    /** A fresh handling unit with a random code. */
    public String newUnit() {
        String code = "MT" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        pool.preparedQuery("INSERT INTO handling_unit (code, name, kind) VALUES ($1, $2, 'DEPARTMENT')")
                .execute(Tuple.of(code, "测试单位" + code)).await().atMost(PATIENCE);
        return code;
    }

    /** An appeal held by {@code unit}, with no events yet (its chain starts at the genesis hash). */
    public long appeal(String unit, String street, String category, String status, Instant receivedAt) {
        String trackingNo = String.valueOf(9_000_000_000_000L + ThreadLocalRandom.current().nextLong(999_999_999_999L));
        return pool.preparedQuery("""
                INSERT INTO appeal (tracking_no, channel, identity_state, title, content, appeal_type, category, status,
                    handling_unit, street_code, received_at, dispatched_at, updated_at, event_count, last_event_hash)
                VALUES ($1, 'WEB', 'DECLARED', '测试诉求', '测试内容', 'HELP', $2, $3, $4, $5, $6, $6, now(), 0, $7)
                RETURNING id""")
                .execute(Tuple.tuple(java.util.Arrays.asList(trackingNo, category, status, unit, street,
                        receivedAt.atOffset(ZoneOffset.UTC), Buffer.buffer(EventChain.GENESIS))))
                .await().atMost(PATIENCE).iterator().next().getLong("id");
    }

    /**
     * A first-round clock of {@code kind} due at {@code due}. It is stored as stopped so that the SLA re-timing
     * other tests run leaves the hand-set due time alone; the metrics read only the due time.
     */
    public void clock(long appealId, String kind, Instant start, Instant due) {
        pool.preparedQuery("""
                INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at, stopped_at)
                VALUES ($1, $2, 1, (SELECT min(id) FROM clock_rule WHERE clock = $2), $3, $4, $3)""")
                .execute(Tuple.of(appealId, kind, start.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC)))
                .await().atMost(PATIENCE);
    }

    /** Appends one event in a transaction of its own. */
    public void event(long appealId, String type, Instant at, Map<String, ?> payload) {
        pool.withTransaction(tx -> append(tx, appealId, type, at, payload)).await().atMost(PATIENCE);
    }

    public io.smallrye.mutiny.Uni<Void> append(SqlConnection tx, long appealId, String type, Instant at,
            Map<String, ?> payload) {
        return appender.append(tx, Map.of(appealId, List.of(new NewEvent(type, "test:metrics", at, null,
                PlannedEvent.Visibility.PUBLIC, JsonText.object(payload)))));
    }

    public Pool pool() {
        return pool;
    }
}
