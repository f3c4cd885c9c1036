package cn.huiyin.appeal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.persistence.AppealReadRepository;
import cn.huiyin.testsupport.Chains;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A batch of events for several appeals, and a batch of outbox rows, each written with one statement: every event
 * lands after its appeal's head in the order given, the heads move to the last event, and the outbox keeps the
 * order it was given (the relay delivers by id).
 */
@QuarkusTest
class AppealRecordsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    AppealRecords records;

    @Inject
    AppealReadRepository appeals;

    @Inject
    Database db;

    @Inject
    Pool pool;

    @Test
    void a_batch_of_events_chains_each_appeal_in_order_and_moves_every_head() {
        long first = appeal("3170000001");
        long second = appeal("3170000002");
        long third = appeal("3170000003");
        Instant now = Instant.parse("2026-12-08T02:00:00Z");

        Map<Long, List<NewEvent>> batch = new LinkedHashMap<>(); // not in id order: the appender sorts
        batch.put(third, List.of(escalated("RESPOND", "WARNING", now), escalated("RESPOND", "OVERDUE", now)));
        batch.put(first, List.of(escalated("HANDLE", "WARNING", now), escalated("HANDLE", "OVERDUE", now),
                escalated("HANDLE", "SUPERVISION", now)));
        batch.put(second, List.of(escalated("HANDLE", "WARNING", now)));
        pool.withTransaction(tx -> records.append(tx, batch)).await().atMost(PATIENCE);
        // a second append continues each chain where the first left it
        pool.withTransaction(tx -> records.append(tx, Map.of(first, List.of(escalated("RETURN", "WARNING", now)))))
                .await().atMost(PATIENCE);

        assertThat(steps(first)).isEqualTo("1 HANDLE WARNING,2 HANDLE OVERDUE,3 HANDLE SUPERVISION,4 RETURN WARNING");
        assertThat(steps(second)).isEqualTo("1 HANDLE WARNING");
        assertThat(steps(third)).isEqualTo("1 RESPOND WARNING,2 RESPOND OVERDUE");
        for (String trackingNo : List.of("3170000001", "3170000002", "3170000003")) {
            assertThat(Chains.verify(appeals, trackingNo).intact()).as(trackingNo).isTrue();
        }
        // the stored ids follow the chain: a reader by id sees the events in the order they happened
        assertThat(db.count("""
                SELECT count(*) FROM appeal_event e JOIN appeal_event later
                    ON later.appeal_id = e.appeal_id AND later.seq > e.seq AND later.id < e.id
                WHERE e.appeal_id IN ($1, $2, $3)""", first, second, third)).isZero();
    }

    @Test
    void a_batch_of_notices_is_stored_in_the_order_given() {
        long first = appeal("3170000004");
        long second = appeal("3170000005");
        Instant now = Instant.parse("2026-12-08T02:00:00Z");
        List<OutboxRow> rows = List.of(notice(second, "RESPOND", "WARNING", now), notice(first, "HANDLE", "WARNING", now),
                notice(second, "RESPOND", "OVERDUE", now), notice(first, "HANDLE", "OVERDUE", now));

        pool.withTransaction(tx -> records.notifyAll(tx, rows)).await().atMost(PATIENCE);

        assertThat(db.string("""
                SELECT string_agg(CASE appeal_id WHEN $1 THEN 'first' ELSE 'second' END || ' ' || payload, ',' ORDER BY id)
                FROM outbox WHERE appeal_id IN ($1, $2)""", first, second))
                .isEqualTo(String.join(",", rows.stream()
                        .map(r -> (r.appealId() == first ? "first " : "second ") + r.payload()).toList()));
        assertThat(db.count("SELECT count(DISTINCT event_type) FROM outbox WHERE appeal_id IN ($1, $2)", first, second))
                .isEqualTo(1);
    }

    private long appeal(String trackingNo) {
        db.execute("""
                INSERT INTO appeal (tracking_no, channel, request_hash, identity_state, title, content, appeal_type,
                    status, handling_unit, received_at, dispatched_at, updated_at, event_count, last_event_hash)
                VALUES ($1, 'WEB', repeat('0', 64), 'DECLARED', '测试', '批量追加测试', 'HELP', 'DISPATCHED', 'TAX',
                    now(), now(), now(), 0, decode(repeat('00', 32), 'hex'))""", trackingNo);
        return db.id(trackingNo);
    }

    private static NewEvent escalated(String clock, String step, Instant at) {
        return NewEvent.of(new AppealEvent.Escalated(clock, step, at.toString(), "commissioner"), "system:test", at,
                clock + " " + step, PlannedEvent.Visibility.INTERNAL);
    }

    private static OutboxRow notice(long appealId, String clock, String step, Instant at) {
        return OutboxRow.of(appealId, AppealNotice.Relayed.escalated(
                new AppealEvent.Escalated(clock, step, at.toString(), "commissioner")));
    }

    /** The appeal's events as "seq reason", in seq order. */
    private String steps(long appealId) {
        return db.string("SELECT string_agg(seq || ' ' || reason, ',' ORDER BY seq) FROM appeal_event WHERE appeal_id = $1",
                appealId);
    }
}
