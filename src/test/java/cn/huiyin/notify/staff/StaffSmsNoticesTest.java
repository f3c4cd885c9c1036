package cn.huiyin.notify.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.notify.staff.application.SmsDeliveries;
import cn.huiyin.notify.staff.application.WecomDeliveries;
import cn.huiyin.notify.wecom.StubWecomApi;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StubHttpServer;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Staff whom WeCom does not reach hear of escalations by SMS to their work mobile, once per notice; those WeCom
 * reaches get no SMS, and those with neither read the app alone. WeCom and the SMS gateway are stubs on loopback ports.
 */
@QuarkusTest
@WithTestResource(StubWecomApi.class)
@WithTestResource(StubHttpServer.class)
class StaffSmsNoticesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Who hears of a SAMR appeal: holder and desk by SMS, the leader in WeCom, the district leader in the app. */
    private static final String HOLDER = "commissioner-samr";
    private static final String LEADER = "leader-samr";
    private static final String DESK = "dispatcher-demo";
    private static final String DISTRICT = "district-leader";
    private static final List<String> TOUCHED = List.of(HOLDER, LEADER, DESK, DISTRICT);
    private static final Map<String, String> MOBILES = Map.of(HOLDER, "13800138001", LEADER, "13800138002",
            DESK, "13800138003");

    @Inject
    Database db;

    @Inject
    Pool pool;

    @Inject
    SlaSweeper sweeper;

    @Inject
    SlaClockService clocks;

    @Inject
    OutboxRelay relay;

    @Inject
    WecomDeliveries wecom;

    @Inject
    SmsDeliveries sms;

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    private final List<String> appeals = new ArrayList<>();

    @BeforeEach
    void reset() {
        relayUntilQuiet();
        sendUntilQuiet();
        redis.key().del(keyPrefix + "wecom:token:" + StubWecomApi.CORP_ID + ":" + StubWecomApi.AGENT_ID,
                keyPrefix + "wecom:token-lock:" + StubWecomApi.CORP_ID + ":" + StubWecomApi.AGENT_ID)
                .await().atMost(PATIENCE);
        String securityAdmin = Appeals.tokenFor("security-admin");
        for (String username : TOUCHED) {
            Map<String, Object> wecomId = new HashMap<>();
            wecomId.put("wecomUserId", LEADER.equals(username) ? "LiuQiang" : null);
            given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(wecomId)
                    .put("/api/v1/admin/staff/" + username + "/wecom").then().statusCode(200);
            Map<String, Object> mobile = new HashMap<>();
            mobile.put("mobile", MOBILES.get(username));
            given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(mobile)
                    .put("/api/v1/admin/staff/" + username + "/mobile").then().statusCode(200);
        }
        StubWecomApi.reset();
        StubHttpServer.RECEIVED.clear();
        StubHttpServer.NEXT_STATUSES.clear();
    }

    @AfterEach
    void leaveTheRosterAsFound() {
        // the hastened timers no longer match the clocks' plans: stop the clocks, so no later re-timing trips on them
        for (String trackingNo : appeals) {
            long id = db.id(trackingNo);
            pool.withTransaction(tx -> clocks.stop(tx, id, Instant.now(), ClockKind.values())).await().atMost(PATIENCE);
        }
        db.execute("UPDATE staff_member SET mobile = NULL, wecom_user_id = NULL WHERE username = ANY($1)",
                (Object) TOUCHED.toArray(String[]::new));
    }

    private void relayUntilQuiet() {
        while (relay.relayOnce().await().atMost(PATIENCE) > 0) {
            // every row taken once; a failing one waits for its back-off and is not taken again here
        }
    }

    private void sendUntilQuiet() {
        while (wecom.sendDue().await().atMost(PATIENCE) + sms.sendDue().await().atMost(PATIENCE) > 0) {
            // each round sends what is due now
        }
    }

    /** A SAMR appeal, stored and assigned to its commissioner, with no step taken since. */
    private String untouchedAppeal() {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.with("category", "BIZ_REG"))
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
        appeals.add(trackingNo);
        relayUntilQuiet();
        assertThat(db.string("SELECT assignee FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo(HOLDER);
        return trackingNo;
    }

    /** Makes the appeal's pending ladder steps of {@code clock} (or of every clock: null) due, and lets them fire. */
    private void climb(String trackingNo, String clock, String step) {
        db.execute("""
                UPDATE sla_timer t SET due_at = now() - interval '1 minute' FROM appeal_clock c
                WHERE c.id = t.clock_id AND t.appeal_id = $1 AND t.fired_at IS NULL
                    AND t.step IN ('WARNING', 'OVERDUE', 'SUPERVISION') AND ($2::text IS NULL OR c.clock = $2)
                    AND ($3::text IS NULL OR t.step = $3)""", db.id(trackingNo), clock, step);
        sweeper.sweep().await().atMost(PATIENCE);
        relayUntilQuiet();
    }

    /** The holder's notice of the handling clock's warning, waiting for SMS. */
    private long warnedNotice() {
        String trackingNo = untouchedAppeal();
        climb(trackingNo, "HANDLE", "WARNING");
        return db.count("SELECT id FROM staff_notice WHERE tracking_no = $1 AND clock = 'HANDLE' AND step = 'WARNING'",
                trackingNo);
    }

    /** The staff SMS the gateway received about the appeal, in order. */
    private static List<StubHttpServer.Received> smsAbout(String trackingNo) {
        return StubHttpServer.RECEIVED.stream().filter(r -> r.path().equals("/v1/sms/send"))
                .filter(r -> "STAFF_ESCALATION".equals(new JsonObject(r.body()).getString("templateId")))
                .filter(r -> trackingNo.equals(params(r).getString("trackingNo"))).toList();
    }

    private static JsonObject params(StubHttpServer.Received r) {
        return new JsonObject(r.body()).getJsonObject("params");
    }

    private static String to(StubHttpServer.Received r) {
        return new JsonObject(r.body()).getString("to");
    }

    private String smsState(long noticeId) {
        return db.string("SELECT sms_state || ' ' || sms_attempts || ' ' || coalesce(sms_error, '') "
                + "FROM staff_notice WHERE id = $1", noticeId).strip();
    }

    /** The appeal's notices in the given SMS state: id, recipient, step, WeCom state. */
    private List<Row> notices(String trackingNo, String smsState) {
        List<Row> found = new ArrayList<>();
        pool.preparedQuery("""
                SELECT id, recipient, step, wecom_state FROM staff_notice WHERE tracking_no = $1 AND sms_state = $2""")
                .execute(Tuple.of(trackingNo, smsState)).await().atMost(PATIENCE).forEach(found::add);
        return found;
    }

    @Test
    void whoever_has_a_mobile_and_no_wecom_id_gets_one_sms_per_step_even_when_the_escalation_comes_again() {
        String trackingNo = untouchedAppeal();
        climb(trackingNo, null, null);
        sendUntilQuiet();

        List<Row> bySms = notices(trackingNo, "SENT");
        assertThat(bySms).extracting(r -> r.getString("recipient")).as("the holder and the desk, not the leader")
                .contains(HOLDER, DESK).containsOnly(HOLDER, DESK);
        assertThat(bySms).extracting(r -> r.getString("wecom_state")).containsOnly("NONE");
        List<StubHttpServer.Received> sent = smsAbout(trackingNo);
        assertThat(sent).extracting(r -> r.headers().get("idempotency-key")).as("one message per notice")
                .containsExactlyInAnyOrderElementsOf(bySms.stream().map(r -> "staff-notice-" + r.getLong("id"))
                        .toList());
        for (Row notice : bySms) {
            String recipient = notice.getString("recipient");
            StubHttpServer.Received message = sent.stream()
                    .filter(r -> r.headers().get("idempotency-key").equals("staff-notice-" + notice.getLong("id")))
                    .findFirst().orElseThrow();
            assertThat(to(message)).isEqualTo(MOBILES.get(recipient));
            assertThat(params(message).getString("step")).isEqualTo(
                    Map.of("WARNING", "预警", "OVERDUE", "超时", "SUPERVISION", "督办").get(notice.getString("step")));
            assertThat(params(message).getString("link")).isEqualTo(HOLDER.equals(recipient)
                    ? "http://localhost:8080/workqueue/" + trackingNo
                    : "http://localhost:8080/supervision");
            assertThat(message.headers().get("authorization")).isEqualTo("Bearer test-sms-key");
        }
        assertThat(sent).extracting(StaffSmsNoticesTest::to).doesNotContain(MOBILES.get(LEADER));
        // the leader hears in WeCom instead; the district leader, with neither, in the app alone
        long leaders = db.count("SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND recipient = $2",
                trackingNo, LEADER);
        assertThat(leaders).isPositive();
        assertThat(StubWecomApi.about(trackingNo)).extracting(StubWecomApi.Received::touser).hasSize((int) leaders)
                .containsOnly("LiuQiang");
        assertThat(db.count("""
                SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND recipient = $2 AND sms_state = 'NONE'
                    AND wecom_state = 'NONE'""", trackingNo, DISTRICT)).isPositive();
        assertThat(notices(trackingNo, "PENDING")).isEmpty();
        given().auth().oauth2(Appeals.tokenFor(HOLDER)).queryParam("limit", 200).get("/api/v1/notices").then()
                .statusCode(200).body("notices.findAll { it.trackingNo == '" + trackingNo + "' }.sms", hasItem("SENT"));

        // the escalations are delivered again, and the sender runs with the reservations run out: nothing new
        db.execute("UPDATE outbox SET published_at = NULL, next_attempt_at = NULL WHERE appeal_id = $1 "
                + "AND event_type = 'SlaEscalated'", db.id(trackingNo));
        db.execute("UPDATE staff_notice SET sms_next_at = now() - interval '1 second' WHERE tracking_no = $1",
                trackingNo);
        relayUntilQuiet();
        sendUntilQuiet();

        assertThat(smsAbout(trackingNo)).hasSameSizeAs(sent);
        assertThat(notices(trackingNo, "SENT")).hasSameSizeAs(bySms);
    }

    @Test
    void a_message_the_gateway_puts_off_is_sent_later_and_one_it_refuses_fails_with_the_reason() {
        long later = warnedNotice();
        StubHttpServer.NEXT_STATUSES.add(503);

        sendUntilQuiet();

        assertThat(smsState(later)).isEqualTo("PENDING 1 SMS gateway answered 503");
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE id = $1 AND sms_next_at > now()", later)).isOne();
        db.execute("UPDATE staff_notice SET sms_next_at = now() - interval '1 second' WHERE id = $1", later);
        sendUntilQuiet();
        assertThat(smsState(later)).isEqualTo("SENT 2");
        String trackingNo = db.string("SELECT tracking_no FROM staff_notice WHERE id = $1", later).strip();
        assertThat(smsAbout(trackingNo)).extracting(r -> r.headers().get("idempotency-key"))
                .as("the same key each time, so the gateway sends it once").containsExactly("staff-notice-" + later,
                        "staff-notice-" + later);

        long refused = warnedNotice();
        StubHttpServer.NEXT_STATUSES.add(400);
        sendUntilQuiet();
        assertThat(smsState(refused)).isEqualTo("FAILED 1 SMS gateway answered 400");
        given().auth().oauth2(Appeals.tokenFor(HOLDER)).get("/api/v1/notices").then().statusCode(200)
                .body("notices.id", hasItem((int) refused));
    }

    @Test
    void a_message_put_off_too_often_is_given_up_with_the_last_reason() {
        long notice = warnedNotice();
        db.execute("UPDATE staff_notice SET sms_attempts = 7 WHERE id = $1", notice);
        StubHttpServer.NEXT_STATUSES.add(429);

        sendUntilQuiet();

        assertThat(smsState(notice)).isEqualTo("FAILED 8 gave up after 8 attempts: SMS gateway answered 429");
    }

    @Test
    void a_mobile_removed_before_the_message_went_out_fails_it_without_a_message() {
        long notice = warnedNotice();
        db.execute("UPDATE staff_member SET mobile = NULL WHERE username = $1", HOLDER);

        sendUntilQuiet();

        assertThat(smsState(notice)).isEqualTo("FAILED 1 the staff member has no mobile any more");
        assertThat(smsAbout(db.string("SELECT tracking_no FROM staff_notice WHERE id = $1", notice).strip())).isEmpty();
    }

    @Test
    void only_the_security_administrator_sets_a_work_mobile_and_a_wrong_one_changes_nothing() {
        String securityAdmin = Appeals.tokenFor("security-admin");
        String path = "/api/v1/admin/staff/" + HOLDER + "/mobile";
        given().auth().oauth2(Appeals.tokenFor(HOLDER)).contentType(ContentType.JSON)
                .body(Map.of("mobile", "13900139000")).put(path).then().statusCode(403);
        // the system administrator keeps the settings, not who staff members are (等保三级)
        given().auth().oauth2(Appeals.tokenFor("admin")).contentType(ContentType.JSON)
                .body(Map.of("mobile", "13900139000")).put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("mobile", "13900139000")).put(path).then().statusCode(401);
        for (String wrong : List.of("12345", "23800138000", "138001380001", "陈晨")) {
            given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("mobile", wrong)).put(path).then()
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo("mobile"));
        }
        // a control character is refused before any rule, as everywhere (422)
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("mobile", "1380013800\u000b0")).put(path)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("mobile"));
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).put(path).then().statusCode(400);
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("mobile", "13900139000"))
                .put("/api/v1/admin/staff/no-such-person/mobile").then().statusCode(404);
        assertThat(db.string("SELECT mobile FROM staff_member WHERE username = $1", HOLDER))
                .as("unchanged by every refusal").isEqualTo(MOBILES.get(HOLDER));

        // written as people write it, kept as its 11 digits, answered masked
        String answer = given().auth().oauth2(securityAdmin).contentType(ContentType.JSON)
                .body(Map.of("mobile", "+86 139-0013-9000")).put(path).then().statusCode(200)
                .body("username", equalTo(HOLDER)).body("mobile", equalTo("139****9000"))
                .body("mobile", not(equalTo("13900139000"))).extract().asString();
        assertThat(answer).doesNotContain("13900139000");
        assertThat(db.string("SELECT mobile FROM staff_member WHERE username = $1", HOLDER)).isEqualTo("13900139000");

        Map<String, Object> cleared = new HashMap<>();
        cleared.put("mobile", null);
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(cleared).put(path).then().statusCode(200)
                .body("mobile", nullValue());
        assertThat(db.string("SELECT coalesce(mobile, 'none') FROM staff_member WHERE username = $1", HOLDER))
                .isEqualTo("none");
    }
}
