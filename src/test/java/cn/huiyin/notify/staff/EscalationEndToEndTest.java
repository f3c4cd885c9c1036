package cn.huiyin.notify.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.notify.staff.application.WecomDeliveries;
import cn.huiyin.notify.wecom.StubWecomApi;
import cn.huiyin.notify.wecom.StubWecomApi.Received;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * From an administrator's short time limit to the people on the ladder: a rule added by API governs a new appeal, its
 * clocks run out step by step, and each person who should hear of a step gets one notice in the app and one WeCom
 * message for it, however often the sweeper and the relay run or an escalation is delivered again. WeCom is a stub on
 * a loopback port.
 */
@QuarkusTest
@WithTestResource(StubWecomApi.class)
class EscalationEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> CLOCKS = List.of("RESPOND", "HANDLE");
    private static final Map<String, Integer> MINUTES = Map.of("RESPOND", 30, "HANDLE", 60);

    /** The demo staff who hear of a market-regulator (SAMR) appeal, each with a WeCom id for this test. */
    private static final String HOLDER = "commissioner-samr";
    private static final String LEADER = "leader-samr";
    private static final String DESK = "dispatcher-demo";
    private static final String DISTRICT = "district-leader";
    private static final Map<String, String> WECOM_IDS = Map.of(HOLDER, "ChenChen", LEADER, "LiuQiang", DESK, "HuangLi",
            DISTRICT, "ZhouMin");

    /** Who hears of each step (docs/notices.md, "Who hears what"). */
    private static final Map<String, List<String>> HEAR = new LinkedHashMap<>();

    static {
        HEAR.put("WARNING", List.of(HOLDER));
        HEAR.put("OVERDUE", List.of(HOLDER, LEADER));
        HEAR.put("SUPERVISION", List.of(HOLDER, LEADER, DESK, DISTRICT));
    }

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

    @BeforeEach
    void giveEveryoneAWecomId() {
        relayUntilQuiet();
        sendUntilQuiet();
        String securityAdmin = Appeals.tokenFor("security-admin");
        WECOM_IDS.forEach((username, wecomId) -> setWecomId(securityAdmin, username, wecomId));
    }

    /** The other notices tests expect the district leader to read notices in the app only. */
    @AfterEach
    void takeTheDistrictLeadersWecomIdBack() {
        setWecomId(Appeals.tokenFor("security-admin"), DISTRICT, null);
    }

    /** Staff identities are the security administrator's (安全管理员). */
    private static void setWecomId(String securityAdminToken, String username, String wecomId) {
        Map<String, Object> body = new HashMap<>();
        body.put("wecomUserId", wecomId);
        given().auth().oauth2(securityAdminToken).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/staff/" + username + "/wecom").then().statusCode(200);
    }

    @Test
    void a_short_rule_added_by_an_administrator_brings_each_person_each_step_once_in_the_app_and_in_wecom() {
        String category = samrCategoryOfItsOwn();
        Map<String, Long> rules = new HashMap<>();
        CLOCKS.forEach(clock -> rules.put(clock, addRule(clock, category, MINUTES.get(clock))));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(previewRuleIds(category)).containsAllEntriesOf(rules));

        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.with("category", category))
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");
        await().atMost(PATIENCE).until(() -> {
            relayUntilQuiet();
            return HOLDER.equals(db.string("SELECT assignee FROM appeal WHERE tracking_no = $1", trackingNo));
        });
        JsonPath view = appealAsHolder(trackingNo);
        for (String clock : CLOCKS) {
            Instant startedAt = Instant.parse(view.getString("clocks.find { it.clock == '" + clock + "' }.startedAt"));
            Instant dueAt = Instant.parse(view.getString("clocks.find { it.clock == '" + clock + "' }.dueAt"));
            assertThat(Duration.between(startedAt, dueAt)).as(clock + " runs under the new rule")
                    .isEqualTo(Duration.ofMinutes(MINUTES.get(clock)));
        }

        List<String> expected = new ArrayList<>();
        for (String step : HEAR.keySet()) {
            climb(trackingNo, step);
            for (String clock : CLOCKS) {
                HEAR.get(step).forEach(person -> expected.add(clock + " " + step + " " + person));
            }
            assertThat(noticesOf(trackingNo)).as("notices after " + step).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(wecomMessagesOf(trackingNo)).as("WeCom messages after " + step)
                    .containsExactlyInAnyOrderElementsOf(inWecom(expected));
        }
        assertThat(db.count("SELECT count(*) FROM staff_notice WHERE tracking_no = $1 AND wecom_state = 'SENT'", trackingNo))
                .isEqualTo(expected.size());

        // nothing is due any more, and an escalation delivered again finds its notices written
        sweeper.sweep().await().atMost(PATIENCE);
        relayUntilQuiet();
        sendUntilQuiet();
        db.execute("""
                UPDATE outbox SET published_at = NULL, next_attempt_at = NULL
                WHERE appeal_id = $1 AND event_type = 'SlaEscalated'""", db.id(trackingNo));
        relayUntilQuiet();
        sendUntilQuiet();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE appeal_id = $1 AND event_type = 'SlaEscalated' "
                + "AND published_at IS NULL", db.id(trackingNo))).isZero();
        assertThat(noticesOf(trackingNo)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(wecomMessagesOf(trackingNo)).containsExactlyInAnyOrderElementsOf(inWecom(expected));

        // the staff's timeline keeps each step of each clock, internal to the staff
        List<Map<String, Object>> timeline = appealAsHolder(trackingNo).getList("timeline");
        List<String> escalations = timeline.stream().filter(e -> String.valueOf(e.get("type")).startsWith("SLA_"))
                .map(e -> e.get("type") + " " + e.get("visibility")).toList();
        assertThat(escalations).containsExactlyInAnyOrder("SLA_WARNING INTERNAL", "SLA_WARNING INTERNAL",
                "SLA_OVERDUE INTERNAL", "SLA_OVERDUE INTERNAL", "SLA_SUPERVISION INTERNAL", "SLA_SUPERVISION INTERNAL");
    }

    /** A category of its own, routed to SAMR, so the short rules added here reach no other test's appeals. */
    private static String samrCategoryOfItsOwn() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String category = "ESC_" + (letters + "ABCDEFGHIJ").substring(0, 10);
        given().auth().oauth2(Appeals.tokenFor("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "督办链路测试分类", "unitRule", "SAMR", "reason", "时限与通知端到端测试"))
                .put("/api/v1/admin/catalogue/" + category).then().statusCode(200);
        return category;
    }

    private static long addRule(String clock, String category, int minutes) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("clock", clock);
        rule.put("category", category);
        rule.put("amount", minutes);
        rule.put("unit", "NATURAL_MINUTES");
        rule.put("legalSource", "区营商办〔2026〕20号：本类诉求" + minutes + "分钟内办结");
        rule.put("effectiveFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        rule.put("reason", "试点短时限，检验督办链路");
        return given().auth().oauth2(Appeals.tokenFor("admin")).contentType(ContentType.JSON).body(rule)
                .post("/api/v1/admin/clock-rules").then().statusCode(201).extract().<Number> path("id").longValue();
    }

    /** The rule each of our clocks would start under now, as the preview tells a dispatcher. */
    private static Map<String, Long> previewRuleIds(String category) {
        JsonPath preview = given().auth().oauth2(Appeals.tokenFor("admin"))
                .get("/api/v1/sla/preview?appealType=HELP&category=" + category).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Long> ids = new HashMap<>();
        CLOCKS.forEach(clock -> ids.put(clock, preview.getLong("find { it.clock == '" + clock + "' }.ruleId")));
        return ids;
    }

    private static JsonPath appealAsHolder(String trackingNo) {
        return given().auth().oauth2(Appeals.tokenFor(HOLDER)).get("/api/v1/appeals/" + trackingNo).then()
                .statusCode(200).extract().jsonPath();
    }

    /**
     * Makes one ladder step of the appeal's clocks due and lets the sweeper, the relay and the WeCom sender run, as
     * their schedules would. Moving {@code due_at} stands for the time passing: minutes for the warning and the due
     * time under the short rule, and a working day after the due time for the supervision, which no rule shortens.
     */
    private void climb(String trackingNo, String step) {
        db.execute("""
                UPDATE sla_timer SET due_at = now() - interval '1 minute'
                WHERE appeal_id = $1 AND fired_at IS NULL AND step = $2""", db.id(trackingNo), step);
        sweeper.sweep().await().atMost(PATIENCE);
        relayUntilQuiet();
        sendUntilQuiet();
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

    /** "clock step recipient" of every notice of the appeal. */
    private List<String> noticesOf(String trackingNo) {
        List<String> found = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT clock, step, recipient FROM staff_notice WHERE tracking_no = $1")
                .execute(Tuple.of(trackingNo)).await().atMost(PATIENCE)) {
            found.add(r.getString("clock") + " " + r.getString("step") + " " + r.getString("recipient"));
        }
        return found;
    }

    /** "clock step wecomId" of every message/send about the appeal the stub received. */
    private static List<String> wecomMessagesOf(String trackingNo) {
        return StubWecomApi.about(trackingNo).stream().map(r -> clockAndStep(r) + " " + r.touser()).toList();
    }

    private static List<String> inWecom(List<String> notices) {
        return notices.stream().map(n -> n.substring(0, n.lastIndexOf(' ') + 1)
                + WECOM_IDS.get(n.substring(n.lastIndexOf(' ') + 1))).toList();
    }

    /** The card's title names the step and the clock: "【超时】处置时限 · 诉求 …". */
    private static String clockAndStep(Received r) {
        String title = r.card().getString("title");
        String step = title.startsWith("【预警】") ? "WARNING" : title.startsWith("【超时】") ? "OVERDUE"
                : title.startsWith("【督办】") ? "SUPERVISION" : "?";
        String clock = title.contains("】响应时限") ? "RESPOND" : title.contains("】处置时限") ? "HANDLE" : "?";
        return clock + " " + step;
    }
}
