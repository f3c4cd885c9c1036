package cn.huiyin.notify.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.notify.staff.application.EscalationNotices;
import cn.huiyin.notify.staff.application.WecomDeliveries;
import cn.huiyin.notify.wecom.StubWecomApi;
import cn.huiyin.notify.wecom.StubWecomApi.Received;
import cn.huiyin.shared.outbox.OutboxMessage;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An appeal of the market regulator (SAMR) that nobody works climbs the ladder; the people who should hear of each
 * step get a notice in the app and, where they have a WeCom user id, a WeCom message, exactly once each. WeCom is a
 * stub on a loopback port.
 */
@QuarkusTest
@WithTestResource(StubWecomApi.class)
class EscalationNoticesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The demo staff who hear of a SAMR appeal, and the WeCom ids given to three of them. */
    private static final String HOLDER = "commissioner-samr";
    private static final String LEADER = "leader-samr";
    private static final String DESK = "dispatcher-demo";
    private static final String DISTRICT = "district-leader";
    private static final Map<String, String> WECOM_IDS = Map.of(HOLDER, "ChenChen", LEADER, "LiuQiang", DESK, "HuangLi");

    /** Where the cards' buttons lead (the test profile's public address). */
    private static final String WORKQUEUE = "http://localhost:8080/workqueue/";
    private static final String SUPERVISION_DESK = "http://localhost:8080/supervision";

    @Inject
    Database db;

    @Inject
    Pool pool;

    @Inject
    SlaSweeper sweeper;

    @Inject
    OutboxRelay relay;

    @Inject
    WecomDeliveries deliveries;

    @Inject
    EscalationNotices notices;

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @BeforeEach
    void reset() {
        relayUntilQuiet();
        sendUntilQuiet();
        redis.key().del(keyPrefix + "wecom:token:" + StubWecomApi.CORP_ID + ":" + StubWecomApi.AGENT_ID,
                keyPrefix + "wecom:token-lock:" + StubWecomApi.CORP_ID + ":" + StubWecomApi.AGENT_ID)
                .await().atMost(PATIENCE);
        String securityAdmin = Appeals.tokenFor("security-admin");
        WECOM_IDS.forEach((username, wecomId) -> given().auth().oauth2(securityAdmin).contentType(ContentType.JSON)
                .body(Map.of("wecomUserId", wecomId)).put("/api/v1/admin/staff/" + username + "/wecom")
                .then().statusCode(200));
        StubWecomApi.reset();
    }

    private void relayUntilQuiet() {
        while (relay.relayOnce().await().atMost(PATIENCE) > 0) {
            // every row taken once; a failing one waits for its back-off and is not taken again here
        }
    }

    private void sendUntilQuiet() {
        while (deliveries.sendDue().await().atMost(PATIENCE) > 0) {
            // each round sends what is due now
        }
    }

    /** A SAMR appeal, stored and assigned (its outbox delivered), with no step taken since. */
    private String untouchedAppeal() {
        return untouchedAppeal("BIZ_REG");
    }

    /** An appeal of the category's unit, stored and assigned (its outbox delivered), with no step taken since. */
    private String untouchedAppeal(String category) {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.with("category", category))
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
        relayUntilQuiet();
        return trackingNo;
    }

    /** Makes the appeal's pending ladder steps due ({@code steps} of them, or all) and lets the sweeper and relay run. */
    private void climb(String trackingNo, String steps) {
        db.execute("""
                UPDATE sla_timer SET due_at = now() - interval '1 minute'
                WHERE appeal_id = $1 AND fired_at IS NULL AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')
                    AND ($2 = 'ALL' OR step = $2)""", db.id(trackingNo), steps);
        sweeper.sweep().await().atMost(PATIENCE);
        relayUntilQuiet();
    }

    /** An appeal whose handling clock's warning has fired: one notice, to its holder, pending for WeCom. */
    private long warnedNotice() {
        String trackingNo = untouchedAppeal();
        db.execute("""
                UPDATE sla_timer t SET due_at = now() - interval '1 minute' FROM appeal_clock c
                WHERE c.id = t.clock_id AND t.appeal_id = $1 AND c.clock = 'HANDLE' AND t.step = 'WARNING'""",
                db.id(trackingNo));
        sweeper.sweep().await().atMost(PATIENCE);
        relayUntilQuiet();
        return db.count("SELECT id FROM staff_notice WHERE tracking_no = $1 AND clock = 'HANDLE' AND step = 'WARNING'",
                trackingNo);
    }

    private String trackingNoOf(long noticeId) {
        return db.string("SELECT tracking_no FROM staff_notice WHERE id = $1", noticeId).strip();
    }

    private String wecomState(long noticeId) {
        return db.string("SELECT wecom_state || ' ' || wecom_attempts || ' ' || coalesce(wecom_error, '') "
                + "FROM staff_notice WHERE id = $1", noticeId).strip();
    }

    /** "clock step recipient" of every notice of the appeal. */
    private List<String> noticesOf(String trackingNo) {
        List<String> found = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT clock, step, recipient FROM staff_notice WHERE tracking_no = $1")
                .execute(Tuple.of(trackingNo)).await().atMost(PATIENCE)) {
            found.add(r.getString("clock") + " " + r.getString("step") + " " + r.getString("recipient"));
        }
        return found;
    }

    /** Who hears of each step by default, for a SAMR appeal its commissioner holds. */
    private List<String> expectedNotices(String trackingNo) {
        Map<String, List<String>> hear = Map.of("WARNING", List.of(HOLDER), "OVERDUE", List.of(HOLDER, LEADER),
                "SUPERVISION", List.of(HOLDER, LEADER, DESK, DISTRICT));
        List<String> expected = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT clock, step FROM escalation WHERE appeal_id = $1")
                .execute(Tuple.of(db.id(trackingNo))).await().atMost(PATIENCE)) {
            hear.get(r.getString("step")).forEach(p -> expected.add(r.getString("clock") + " " + r.getString("step") + " " + p));
        }
        return expected;
    }

    @Test
    void an_untouched_appeal_reaches_each_person_once_per_step_in_the_app_and_in_wecom() {
        String trackingNo = untouchedAppeal();
        assertThat(db.string("SELECT assignee FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo(HOLDER);

        climb(trackingNo, "ALL");
        sendUntilQuiet();

        List<String> expected = expectedNotices(trackingNo);
        assertThat(expected).as("the handling clock climbed all three steps")
                .contains("HANDLE WARNING " + HOLDER, "HANDLE OVERDUE " + LEADER, "HANDLE SUPERVISION " + DISTRICT);
        assertThat(noticesOf(trackingNo)).containsExactlyInAnyOrderElementsOf(expected);

        // WeCom: one message per notice of a person with a WeCom id; the district leader has none and reads it in the app
        List<String> wecomExpected = expected.stream().filter(n -> !n.endsWith(" " + DISTRICT))
                .map(n -> n.substring(0, n.lastIndexOf(' ') + 1) + WECOM_IDS.get(n.substring(n.lastIndexOf(' ') + 1)))
                .toList();
        List<Received> sent = StubWecomApi.about(trackingNo);
        assertThat(sent).extracting(r -> clockAndStep(r) + " " + r.touser()).containsExactlyInAnyOrderElementsOf(wecomExpected);
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.body().getString("msgtype")).isEqualTo("textcard");
            assertThat(r.body().getInteger("agentid")).isEqualTo(StubWecomApi.AGENT_ID);
            assertThat(r.card().getString("url")).as("a page %s may open", r.touser())
                    .isEqualTo(r.touser().equals(WECOM_IDS.get(DESK)) ? SUPERVISION_DESK : WORKQUEUE + trackingNo);
            assertThat(r.card().getString("btntxt")).isNotBlank();
            assertThat(r.card().getString("description")).contains(trackingNo);
            assertThat(r.answered()).isZero();
        });
        assertThat(StubWecomApi.TOKEN_REQUESTS).hasSize(1);
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND wecom_state = 'SENT'", trackingNo))
                .isEqualTo(wecomExpected.size());
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND wecom_state = 'NONE'", trackingNo))
                .isEqualTo(expected.size() - wecomExpected.size());
    }

    @Test
    void the_desk_and_the_district_leader_are_sent_to_the_supervision_desk_which_the_work_queue_would_refuse() {
        String securityAdmin = Appeals.tokenFor("security-admin");
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("wecomUserId", "ZhengWei"))
                .put("/api/v1/admin/staff/" + DISTRICT + "/wecom").then().statusCode(200);
        try {
            String trackingNo = untouchedAppeal();
            climb(trackingNo, "ALL");
            sendUntilQuiet();

            List<Received> toDistrict = StubWecomApi.about(trackingNo).stream()
                    .filter(r -> r.touser().equals("ZhengWei")).toList();
            assertThat(toDistrict).as("the district leader hears of 督办 in WeCom").isNotEmpty();
            assertThat(toDistrict).allSatisfy(r -> {
                assertThat(r.card().getString("title")).startsWith("【督办】");
                assertThat(r.card().getString("url")).isEqualTo(SUPERVISION_DESK);
            });
            assertThat(linksOf(DISTRICT, trackingNo)).isNotEmpty().containsOnly("/supervision");
            assertThat(linksOf(DESK, trackingNo)).isNotEmpty().containsOnly("/supervision");
            assertThat(linksOf(LEADER, trackingNo)).isNotEmpty().containsOnly("/workqueue/" + trackingNo);

            // where the links lead opens for them; the work-queue page does not
            String district = Appeals.tokenFor(DISTRICT);
            given().auth().oauth2(district).accept("text/html").get("/supervision").then().statusCode(200);
            given().auth().oauth2(district).accept("text/html").get("/workqueue/" + trackingNo).then().statusCode(403);
        } finally {
            Map<String, Object> cleared = new HashMap<>();
            cleared.put("wecomUserId", null);
            given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(cleared)
                    .put("/api/v1/admin/staff/" + DISTRICT + "/wecom").then().statusCode(200);
        }
    }

    /** The links of a person's notices of the appeal, as their list in the app shows them. */
    private static List<String> linksOf(String username, String trackingNo) {
        List<Map<String, Object>> notices = given().auth().oauth2(Appeals.tokenFor(username))
                .get("/api/v1/notices?limit=200").then().statusCode(200).extract().jsonPath().getList("notices");
        return notices.stream().filter(n -> trackingNo.equals(n.get("trackingNo"))).map(n -> (String) n.get("link"))
                .toList();
    }

    /** The card's title names the step and the clock: "【超时】处置时限 · 诉求 …". */
    private static String clockAndStep(Received r) {
        String title = r.card().getString("title");
        String step = title.startsWith("【预警】") ? "WARNING" : title.startsWith("【超时】") ? "OVERDUE"
                : title.startsWith("【督办】") ? "SUPERVISION" : "?";
        String clock = title.contains("】响应时限") ? "RESPOND" : title.contains("】处置时限") ? "HANDLE" : "?";
        return clock + " " + step;
    }

    @Test
    void a_lease_of_two_units_escalations_with_written_ones_among_them_writes_each_persons_notice_once() {
        String samr = untouchedAppeal();
        String tax = untouchedAppeal("TAX_SERVICE");
        fireWithoutRelay(samr);
        List<OutboxMessage> samrRows = escalationRows(samr);
        notices.handleAll(samrRows).await().atMost(PATIENCE);
        List<String> samrNotices = noticesOf(samr);
        fireWithoutRelay(tax);
        List<OutboxMessage> taxRows = escalationRows(tax);

        // one lease: the other unit's steps, the steps written already, and one row twice
        List<OutboxMessage> lease = new ArrayList<>(taxRows);
        lease.addAll(samrRows);
        lease.add(taxRows.get(0));
        notices.handleAll(lease).await().atMost(PATIENCE);

        assertThat(samrRows).hasSize(6); // three steps of each of two clocks
        assertThat(noticesOf(samr)).containsExactlyInAnyOrderElementsOf(samrNotices)
                .containsExactlyInAnyOrderElementsOf(expectedNotices(samr));
        String taxHolder = db.string("SELECT assignee FROM appeal WHERE tracking_no = $1", tax);
        assertThat(taxHolder).isEqualTo("commissioner-tax");
        // TAX has no unit leader on the demo roster: the overdue step reaches its holder alone
        Map<String, List<String>> hear = Map.of("WARNING", List.of(taxHolder), "OVERDUE", List.of(taxHolder),
                "SUPERVISION", List.of(taxHolder, DESK, DISTRICT));
        List<String> expectedTax = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT clock, step FROM escalation WHERE appeal_id = $1")
                .execute(Tuple.of(db.id(tax))).await().atMost(PATIENCE)) {
            hear.get(r.getString("step")).forEach(p -> expectedTax.add(r.getString("clock") + " " + r.getString("step") + " " + p));
        }
        assertThat(noticesOf(tax)).hasSize(10).containsExactlyInAnyOrderElementsOf(expectedTax);
        db.execute("UPDATE outbox SET published_at = now() WHERE appeal_id IN ($1, $2) AND event_type = 'SlaEscalated'",
                db.id(samr), db.id(tax));
    }

    /** Makes all the appeal's ladder steps due and fires them; their outbox rows are left for the test to deliver. */
    private void fireWithoutRelay(String trackingNo) {
        db.execute("""
                UPDATE sla_timer SET due_at = now() - interval '1 minute'
                WHERE appeal_id = $1 AND fired_at IS NULL AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')""",
                db.id(trackingNo));
        sweeper.sweep().await().atMost(PATIENCE);
    }

    /** The appeal's undelivered escalation rows, as the relay would lease them. */
    private List<OutboxMessage> escalationRows(String trackingNo) {
        List<OutboxMessage> rows = new ArrayList<>();
        for (Row r : pool.preparedQuery("""
                SELECT id, appeal_id, event_type, payload, attempts FROM outbox
                WHERE appeal_id = $1 AND event_type = 'SlaEscalated' AND published_at IS NULL ORDER BY id""")
                .execute(Tuple.of(db.id(trackingNo))).await().atMost(PATIENCE)) {
            rows.add(new OutboxMessage(r.getLong("id"), r.getLong("appeal_id"), r.getString("event_type"),
                    r.getString("payload"), r.getInteger("attempts")));
        }
        return rows;
    }

    @Test
    void a_redelivered_escalation_adds_nothing_even_when_the_roster_changed_in_between() {
        String trackingNo = untouchedAppeal();
        climb(trackingNo, "ALL");
        sendUntilQuiet();
        List<String> before = noticesOf(trackingNo);
        int messagesBefore = StubWecomApi.about(trackingNo).size();
        // nobody holds it now and another commissioner is on duty: a second writing would tell them
        String extra = "commissioner-samr-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code) VALUES ($1, '临时专员', 'commissioner', 'SAMR')",
                extra);
        try {
            db.execute("UPDATE appeal SET assignee = NULL WHERE tracking_no = $1", trackingNo);
            db.execute("""
                    UPDATE outbox SET published_at = NULL, next_attempt_at = NULL
                    WHERE appeal_id = $1 AND event_type = 'SlaEscalated'""", db.id(trackingNo));

            relayUntilQuiet();
            sendUntilQuiet();

            assertThat(db.count("SELECT count(*) FROM outbox WHERE appeal_id = $1 AND event_type = 'SlaEscalated' "
                    + "AND published_at IS NULL", db.id(trackingNo))).isZero();
            assertThat(noticesOf(trackingNo)).containsExactlyInAnyOrderElementsOf(before);
            assertThat(StubWecomApi.about(trackingNo)).hasSize(messagesBefore);
        } finally {
            db.execute("UPDATE staff_member SET on_duty = false WHERE username = $1", extra);
        }
    }

    @Test
    void an_expired_token_is_replaced_once_and_the_message_sent() {
        long notice = warnedNotice();
        StubWecomApi.NEXT_ANSWERS.add(new StubWecomApi.Queued(42001, "access_token expired"));

        sendUntilQuiet();

        List<Received> sent = StubWecomApi.about(trackingNoOf(notice));
        assertThat(sent).hasSize(2);
        assertThat(StubWecomApi.TOKEN_REQUESTS).hasSize(2);
        assertThat(sent.get(0).accessToken()).isEqualTo(StubWecomApi.TOKEN_REQUESTS.get(0).issued());
        assertThat(sent.get(0).answered()).isEqualTo(42001);
        assertThat(sent.get(1).accessToken()).isEqualTo(StubWecomApi.TOKEN_REQUESTS.get(1).issued());
        assertThat(sent.get(1).answered()).isZero();
        assertThat(wecomState(notice)).isEqualTo("SENT 1");
    }

    @Test
    void a_rate_limited_message_waits_and_is_sent_on_a_later_round() {
        long notice = warnedNotice();
        StubWecomApi.NEXT_ANSWERS.add(new StubWecomApi.Queued(45009, "api freq out of limit"));

        sendUntilQuiet();

        assertThat(wecomState(notice)).isEqualTo("PENDING 1 errcode 45009 api freq out of limit");
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE id = $1 AND wecom_next_at > now()", notice)).isOne();
        sendUntilQuiet();
        assertThat(StubWecomApi.about(trackingNoOf(notice))).hasSize(1);

        db.execute("UPDATE staff_notice SET wecom_next_at = now() - interval '1 second' WHERE id = $1", notice);
        sendUntilQuiet();

        assertThat(StubWecomApi.about(trackingNoOf(notice))).extracting(Received::answered).containsExactly(45009, 0);
        assertThat(wecomState(notice)).isEqualTo("SENT 2");
    }

    @Test
    void an_unknown_errcode_fails_the_message_with_wecoms_reason_and_it_is_not_sent_again() {
        long notice = warnedNotice();
        StubWecomApi.NEXT_ANSWERS.add(new StubWecomApi.Queued(81013, "user & party & tag all invalid"));

        sendUntilQuiet();
        db.execute("UPDATE staff_notice SET wecom_next_at = now() - interval '1 second' WHERE id = $1", notice);
        sendUntilQuiet();

        assertThat(wecomState(notice)).isEqualTo("FAILED 1 errcode 81013 user & party & tag all invalid");
        assertThat(StubWecomApi.about(trackingNoOf(notice))).hasSize(1);
        // the notice is still there to read in the app
        given().auth().oauth2(Appeals.tokenFor(HOLDER)).get("/api/v1/notices").then().statusCode(200)
                .body("notices.id", hasItem((int) notice));
    }

    @Test
    void the_holder_reads_the_warning_in_the_app_and_staff_of_another_unit_or_above_it_do_not_see_it() {
        long notice = warnedNotice();
        String holder = Appeals.tokenFor(HOLDER);
        Map<String, Object> inbox = given().auth().oauth2(holder).get("/api/v1/notices").then().statusCode(200)
                .extract().jsonPath().getMap("");
        long unread = ((Number) inbox.get("unread")).longValue();
        Map<String, Object> first = firstOf(inbox);
        assertThat(((Number) first.get("id")).longValue()).as("newest first").isEqualTo(notice);
        assertThat(first.get("trackingNo")).isEqualTo(trackingNoOf(notice));
        assertThat(first.get("step")).isEqualTo("WARNING");
        assertThat((String) first.get("title")).startsWith("【预警】处置时限");
        assertThat(first.get("read")).isEqualTo(false);
        assertThat(first.get("link")).isEqualTo("/workqueue/" + trackingNoOf(notice));
        assertThat(unread).isPositive();

        // a warning is for the holder only: neither another unit's commissioner nor the unit's leader hears of it
        for (String other : List.of("commissioner-tax", LEADER)) {
            String token = Appeals.tokenFor(other);
            List<String> theirs = given().auth().oauth2(token).get("/api/v1/notices").then().statusCode(200)
                    .extract().jsonPath().getList("notices.trackingNo");
            assertThat(theirs).doesNotContain(trackingNoOf(notice));
            given().auth().oauth2(token).post("/api/v1/notices/" + notice + "/read").then().statusCode(404);
        }

        given().auth().oauth2(holder).post("/api/v1/notices/" + notice + "/read").then().statusCode(200)
                .body("unread", equalTo((int) unread - 1));
        given().auth().oauth2(holder).post("/api/v1/notices/" + notice + "/read").then().statusCode(200)
                .body("unread", equalTo((int) unread - 1));
        Map<String, Object> after = firstOf(given().auth().oauth2(holder).get("/api/v1/notices").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        assertThat(after.get("read")).isEqualTo(true);
        given().get("/api/v1/notices").then().statusCode(401);
        given().auth().oauth2(Appeals.tokenFor("enterprise-demo")).get("/api/v1/notices").then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstOf(Map<String, Object> inbox) {
        return new HashMap<>(((List<Map<String, Object>>) inbox.get("notices")).get(0));
    }

    @Test
    void the_notices_page_and_its_badge_show_what_is_unread() {
        long notice = warnedNotice();
        String holder = Appeals.tokenFor(HOLDER);
        long unread = db.count("SELECT count(*) FROM staff_notice WHERE recipient = $1 AND read_at IS NULL", HOLDER);

        given().auth().oauth2(holder).accept("text/html").get("/notices").then().statusCode(200)
                .body(containsString("未读 " + unread + " 条"))
                // the badge a staff page includes ({#include NoticesPage/badge /}) counts the same
                .body(matchesPattern("(?s).*<span id=\"notice-unread\"[^>]*>" + unread + "</span>.*"))
                .body(containsString("/notices/" + notice + "/read"));
        given().auth().oauth2(holder).accept("text/html").contentType(ContentType.URLENC).redirects().follow(false)
                .post("/notices/" + notice + "/read").then().statusCode(303);
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE id = $1 AND read_at IS NOT NULL", notice)).isOne();
    }

    @Test
    void only_the_security_administrator_sets_a_wecom_user_id_and_it_is_checked() {
        String securityAdmin = Appeals.tokenFor("security-admin");
        given().auth().oauth2(Appeals.tokenFor(HOLDER)).contentType(ContentType.JSON).body(Map.of("wecomUserId", "Me"))
                .put("/api/v1/admin/staff/" + HOLDER + "/wecom").then().statusCode(403);
        given().auth().oauth2(Appeals.tokenFor("admin")).contentType(ContentType.JSON).body(Map.of("wecomUserId", "Me"))
                .put("/api/v1/admin/staff/" + HOLDER + "/wecom").then().statusCode(403);
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("wecomUserId", "陈 晨"))
                .put("/api/v1/admin/staff/" + HOLDER + "/wecom").then().statusCode(400)
                .body("field", equalTo("wecomUserId"));
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("wecomUserId", "Nobody"))
                .put("/api/v1/admin/staff/no-such-person/wecom").then().statusCode(404);
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(Map.of("wecomUserId", WECOM_IDS.get(HOLDER)))
                .put("/api/v1/admin/staff/" + DISTRICT + "/wecom").then().statusCode(409)
                .body("field", equalTo("wecomUserId"));

        Map<String, Object> cleared = new HashMap<>();
        cleared.put("wecomUserId", null);
        given().auth().oauth2(securityAdmin).contentType(ContentType.JSON).body(cleared)
                .put("/api/v1/admin/staff/" + HOLDER + "/wecom").then().statusCode(200)
                .body("wecomUserId", nullValue());
        assertThat(db.string("SELECT coalesce(wecom_user_id, 'none') FROM staff_member WHERE username = $1", HOLDER))
                .isEqualTo("none");
    }
}
