package cn.huiyin.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StubHttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Someone who phoned gets the tracking number by SMS, sent from the outbox: once, retried, or given up. */
@QuarkusTest
@WithTestResource(StubHttpServer.class)
class PhoneSmsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    OutboxRelay relay;

    @Inject
    Database db;

    @BeforeEach
    void reset() {
        relay.relayOnce().await().atMost(PATIENCE); // deliver whatever earlier tests left behind
        StubHttpServer.RECEIVED.clear();
        StubHttpServer.NEXT_STATUSES.clear();
    }

    private String workOrder(String mobile) {
        return Cti.post(Cti.workOrder("evt-" + UUID.randomUUID(), "c-" + UUID.randomUUID(), mobile, null, "TAX_SERVICE"))
                .path("trackingNo");
    }

    private long outboxId(String trackingNo) {
        return db.count("""
                SELECT o.id FROM outbox o JOIN appeal a ON a.id = o.appeal_id
                WHERE a.tracking_no = $1 AND o.event_type = 'AppealReceived'""", trackingNo);
    }

    @Test
    void the_tracking_number_is_texted_once_with_an_idempotency_key() {
        String trackingNo = workOrder("13712345678");

        relay.relayOnce().await().atMost(PATIENCE);
        relay.relayOnce().await().atMost(PATIENCE);

        assertThat(StubHttpServer.RECEIVED).hasSize(1);
        var sms = StubHttpServer.RECEIVED.get(0);
        assertThat(sms.path()).isEqualTo("/v1/sms/send");
        assertThat(sms.body()).contains("\"to\":\"13712345678\"").contains(trackingNo).contains("APPEAL_RECEIVED");
        assertThat(sms.headers()).containsEntry("idempotency-key", "outbox-" + outboxId(trackingNo))
                .containsEntry("authorization", "Bearer test-sms-key");
    }

    @Test
    void a_gateway_hiccup_is_retried_and_a_refusal_is_given_up_and_recorded() {
        String retried = workOrder("13712345001");
        StubHttpServer.NEXT_STATUSES.add(503);
        relay.relayOnce().await().atMost(PATIENCE);
        assertThat(db.count("SELECT attempts FROM outbox WHERE id = $1", outboxId(retried))).isEqualTo(1);

        db.execute("UPDATE outbox SET next_attempt_at = now() WHERE id = $1", outboxId(retried));
        relay.relayOnce().await().atMost(PATIENCE);
        assertThat(StubHttpServer.RECEIVED).hasSize(2);
        assertThat(db.string("SELECT (published_at IS NOT NULL)::text FROM outbox WHERE id = $1", outboxId(retried)))
                .isEqualTo("true");

        String refused = workOrder("13712345002");
        StubHttpServer.NEXT_STATUSES.add(400);
        relay.relayOnce().await().atMost(PATIENCE);
        assertThat(db.string("SELECT last_error FROM outbox WHERE id = $1", outboxId(refused))).startsWith("permanent:");
        relay.relayOnce().await().atMost(PATIENCE);
        assertThat(StubHttpServer.RECEIVED).hasSize(3);
    }

    @Test
    void web_appeals_get_no_sms() {
        io.restassured.RestAssured.given().contentType("application/json").body(cn.huiyin.testsupport.Appeals.validSubmission())
                .post("/api/v1/appeals").then().statusCode(202);
        relay.relayOnce().await().atMost(PATIENCE);
        assertThat(StubHttpServer.RECEIVED).isEmpty();
    }

    @Test
    void the_answer_is_announced_by_sms_when_the_unit_replies() {
        String trackingNo = workOrder("13712345003");
        relay.relayOnce().await().atMost(PATIENCE);
        StubHttpServer.RECEIVED.clear();
        String commissioner = cn.huiyin.testsupport.Appeals.tokenFor("commissioner-tax");
        io.restassured.RestAssured.given().auth().oauth2(commissioner).post("/api/v1/appeals/" + trackingNo + "/accept")
                .then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(commissioner).contentType("application/json")
                .body(java.util.Map.of("answer", "已协调税务专管员为贵司调整授信额度，请重试开票。"))
                .post("/api/v1/appeals/" + trackingNo + "/reply").then().statusCode(200);

        relay.relayOnce().await().atMost(PATIENCE);

        // the answer notice, then the request to rate it (with the signed link)
        assertThat(StubHttpServer.RECEIVED).extracting(StubHttpServer.Received::body).hasSize(2)
                .anySatisfy(body -> assertThat(body).contains("APPEAL_ANSWERED").contains(trackingNo))
                .anySatisfy(body -> assertThat(body).contains("RATING_REQUEST").contains("/rate/" + trackingNo + "-1-"));
    }
}
