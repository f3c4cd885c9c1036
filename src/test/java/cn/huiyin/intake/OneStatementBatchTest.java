package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.intake.application.IntakeService;
import cn.huiyin.intake.application.IntakeService.Outcome;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch is written by one statement; what it stores must be exactly what storing its appeals one at a time stores:
 * the same appeal rows, events and hash chain, outbox rows, clocks, escalation timers and custody, and the same
 * outcomes (a tracking number given twice in a batch is stored once).
 */
@QuarkusTest
class OneStatementBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Planning reads the clock (dispatch time, clock deadlines): fixed, so both writes plan the same. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** Everything intake wrote for these appeals, surrogate ids left out, one line per appeal. */
    private static final String SNAPSHOT = """
            SELECT string_agg(row_to_json(x)::text, E'\\n' ORDER BY x.tracking_no) FROM (
                SELECT a.tracking_no, to_jsonb(a) - 'id' AS appeal,
                    (SELECT jsonb_agg(to_jsonb(e) - 'id' - 'appeal_id' ORDER BY e.seq)
                        FROM appeal_event e WHERE e.appeal_id = a.id) AS events,
                    (SELECT jsonb_agg(to_jsonb(o) - 'id' - 'appeal_id' - 'created_at' ORDER BY o.id)
                        FROM outbox o WHERE o.appeal_id = a.id) AS outbox,
                    (SELECT jsonb_agg(to_jsonb(c) - 'id' - 'appeal_id' ORDER BY c.clock, c.round)
                        FROM appeal_clock c WHERE c.appeal_id = a.id) AS clocks,
                    (SELECT jsonb_agg((to_jsonb(t) - 'id' - 'clock_id' - 'appeal_id') || jsonb_build_object('clock', c.clock)
                            ORDER BY c.clock, t.step)
                        FROM sla_timer t JOIN appeal_clock c ON c.id = t.clock_id WHERE t.appeal_id = a.id) AS timers,
                    (SELECT jsonb_agg(to_jsonb(k) - 'id' - 'appeal_id' ORDER BY k.id)
                        FROM custody k WHERE k.appeal_id = a.id) AS custody
                FROM appeal a WHERE a.tracking_no = ANY($1)) x""";

    @Inject
    IntakeService intake;

    @Inject
    TrackingNumberIssuer numbers;

    @Inject
    AppealQueryService queries;

    @Inject
    Database db;

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Clock.fixed(NOW, ZoneOffset.UTC), Clock.class);
    }

    @Test
    void a_batch_in_one_statement_stores_what_one_appeal_at_a_time_stores() {
        IntakeEnvelope web = envelope("WEB", "WEB:" + UUID.randomUUID(), Usccs.random(), "TAX_SERVICE", false, null);
        IntakeEnvelope urgent = envelope("WEB", null, Usccs.random(), "TAX_SERVICE", true, null);
        IntakeEnvelope uncategorised = envelope("WEB", null, Usccs.random(), null, false, null);
        IntakeEnvelope phone = envelope("PHONE", "PHONE:" + UUID.randomUUID(), null, "TAX_SERVICE", false,
                "call-" + UUID.randomUUID());
        // the same appeal twice in one batch (a redelivery): stored once, the second answered as a duplicate
        List<IntakeEnvelope> batch = List.of(web, urgent, uncategorised, phone, web);
        String[] trackingNos = { web.trackingNo(), urgent.trackingNo(), uncategorised.trackingNo(), phone.trackingNo() };
        List<Outcome> expected = List.of(Outcome.STORED, Outcome.STORED, Outcome.STORED, Outcome.STORED, Outcome.DUPLICATE);

        assertThat(intake.store(batch).await().atMost(PATIENCE)).isEqualTo(expected);
        String together = snapshot(trackingNos);
        forget(trackingNos);
        List<Outcome> oneByOne = batch.stream().map(e -> intake.store(List.of(e)).await().atMost(PATIENCE).get(0)).toList();
        String apart = snapshot(trackingNos);

        assertThat(oneByOne).isEqualTo(expected);
        assertThat(together).isEqualTo(apart);
        // what is compared is all there: every appeal, each with its two events, one outbox row, and the dispatched
        // ones with clocks, timers and custody
        assertThat(together.lines()).hasSize(4).allSatisfy(line -> assertThat(line).contains("\"seq\": 2", "\"outbox\":[{"));
        assertThat(together.lines().filter(line -> line.contains("\"status\": \"DISPATCHED\"")))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).contains("\"step\": \"WARNING\"", "\"unit_code\": ")
                        .doesNotContain("\"clocks\":null", "\"handle_due_at\": null"));
        for (String trackingNo : trackingNos) {
            assertThat(queries.verifyChain(trackingNo).await().atMost(PATIENCE).intact()).as(trackingNo).isTrue();
        }
    }

    @Test
    void an_appeal_already_stored_is_skipped_with_all_of_its_rows_and_the_rest_of_the_batch_is_stored() {
        IntakeEnvelope first = envelope("WEB", "WEB:" + UUID.randomUUID(), Usccs.random(), "TAX_SERVICE", false, null);
        intake.store(List.of(first)).await().atMost(PATIENCE);
        IntakeEnvelope sameKeyOtherContent = envelope("WEB", first.dedupeKey(), first.uscc(), "TAX_SERVICE", true, null);
        IntakeEnvelope fresh = envelope("WEB", null, Usccs.random(), "TAX_SERVICE", false, null);

        List<Outcome> outcomes = intake.store(List.of(first, sameKeyOtherContent, fresh)).await().atMost(PATIENCE);

        assertThat(outcomes).containsExactly(Outcome.DUPLICATE, Outcome.CONFLICT, Outcome.STORED);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE tracking_no = $1", sameKeyOtherContent.trackingNo())).isZero();
        long id = db.id(first.trackingNo());
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1", id)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE appeal_id = $1", id)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM custody WHERE appeal_id = $1", id)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM sla_timer WHERE appeal_id = $1", id))
                .isEqualTo(db.count("SELECT count(*) FROM sla_timer WHERE appeal_id = $1", db.id(fresh.trackingNo())))
                .isPositive();
    }

    private IntakeEnvelope envelope(String channel, String dedupeKey, String uscc, String category, boolean urgent,
            String callId) {
        String trackingNo = numbers.next().await().atMost(PATIENCE).value();
        return new IntakeEnvelope(trackingNo, channel, dedupeKey, UUID.randomUUID().toString().replace("-", "").repeat(2),
                NOW.minusSeconds(1), channel.toLowerCase() + ":anonymous", uscc == null ? "MISSING" : "DECLARED", uscc,
                uscc == null ? null : "广州测试科技有限公司", "张三", "13800138000", "+86 138-0013-8000", "数电发票开具失败",
                "我司在电子税务局开具数电发票时一直提示授信额度不足，影响正常开票，请协助处理。", "HELP", category, urgent,
                callId, null);
    }

    private String snapshot(String[] trackingNos) {
        return db.string(SNAPSHOT, (Object) trackingNos);
    }

    /** Removes the appeals and everything intake wrote for them, past the append-only guard, to write them again. */
    private void forget(String[] trackingNos) {
        String ids = "(SELECT id FROM appeal WHERE tracking_no IN ('" + String.join("','", trackingNos) + "'))";
        db.tamper("DELETE FROM sla_timer WHERE appeal_id IN " + ids + "; DELETE FROM appeal_clock WHERE appeal_id IN " + ids
                + "; DELETE FROM custody WHERE appeal_id IN " + ids + "; DELETE FROM outbox WHERE appeal_id IN " + ids
                + "; DELETE FROM appeal_event WHERE appeal_id IN " + ids + "; DELETE FROM appeal WHERE id IN " + ids);
    }
}
