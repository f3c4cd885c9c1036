package cn.huiyin.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.huiyin.replicas.WecomStub.Request;
import cn.huiyin.testsupport.Appeals;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two replicas of the packaged service share one database, one Redis key prefix and one WeCom app, and both run the
 * SLA sweeper, the outbox relay and the WeCom sender on their schedules. An administrator sets short time limits
 * through the API; appeals that nobody touches climb the ladder (their timers aged with SQL, standing for the time
 * passing); one replica is killed ({@code kill -9}) while a WeCom message it sent has been delivered and not yet
 * acknowledged. Every person who should hear of every step still gets exactly one WeCom message: the sweeper fires each
 * step once, the relay stores each notice once, the survivor sends what the dead replica had reserved, and WeCom's
 * duplicate check drops the message sent again.
 */
class TwoReplicaSweepIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int APPEALS = 150;
    /** The killed replica's message whose answer the stub holds back: well before the end of the run. */
    private static final int HELD_MESSAGE = 60;

    /** 知识产权保护与运用, placed with the market regulator (SAMR); no other appeal in this database has it. */
    private static final String CATEGORY = "IP";
    private static final List<String> CLOCKS = List.of("RESPOND", "HANDLE");
    private static final Map<String, Integer> MINUTES = Map.of("RESPOND", 30, "HANDLE", 60);

    private static final String HOLDER = "commissioner-samr";
    private static final String LEADER = "leader-samr";
    private static final String DESK = "dispatcher-demo";
    private static final String DISTRICT = "district-leader";
    private static final Map<String, String> WECOM_IDS = Map.of(HOLDER, "ChenChen", LEADER, "LiuQiang", DESK, "HuangLi",
            DISTRICT, "ZhengHua");
    /** Who hears of each step (docs/notices.md, "Who hears what"). */
    private static final Map<String, List<String>> HEAR = new LinkedHashMap<>();

    static {
        HEAR.put("WARNING", List.of(HOLDER));
        HEAR.put("OVERDUE", List.of(HOLDER, LEADER));
        HEAR.put("SUPERVISION", List.of(HOLDER, LEADER, DESK, DISTRICT));
    }

    private static final ScratchDatabase DB = new ScratchDatabase("huiyin_replicas_it");
    private static final String REDIS_PREFIX = "huiyin-replicas-it:";
    private static final Path LOGS = Path.of("target", "replicas");

    private static WecomStub wecom;
    private static Replica victim;
    private static Replica survivor;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        DB.recreate();
        RedisKeys.deleteUnder(REDIS_PREFIX);
        wecom = new WecomStub(List.of("replica-a", "replica-b"));
        // one after the other: the first migrates and seeds the fresh database, the second finds it ready
        victim = startReplica("replica-a");
        awaitReady(victim);
        survivor = startReplica("replica-b");
        awaitReady(survivor);
    }

    private static void awaitReady(Replica replica) {
        replica.awaitReady(PATIENCE);
    }

    private static Replica startReplica(String name) throws Exception {
        Map<String, String> properties = Replica.demoProperties(DB, REDIS_PREFIX);
        properties.put("huiyin.wecom.api-base", wecom.apiBase(name));
        properties.put("huiyin.wecom.corp-id", WecomStub.CORP_ID);
        properties.put("huiyin.wecom.agent-id", String.valueOf(WecomStub.AGENT_ID));
        // rounds often enough, and reservations short enough, for the whole story to take a minute
        properties.put("huiyin.wecom.send-every", "1s");
        properties.put("huiyin.wecom.batch", "50");
        properties.put("huiyin.wecom.lease", "10s");
        properties.put("huiyin.outbox.lease", "10s");
        return Replica.start(name, properties, Map.of("HUIYIN_WECOM_CORP_SECRET", WecomStub.SECRET), LOGS);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try (WecomStub stub = wecom; Replica a = victim; Replica b = survivor) {
            // closed in reverse order: the replicas (SIGTERM, then SIGKILL), then the stub; null ones are skipped
        } finally {
            RedisKeys.deleteUnder(REDIS_PREFIX);
        }
    }

    @Test
    void each_person_hears_of_each_step_once_in_wecom_though_a_replica_dies_mid_round() throws Exception {
        String admin = ReplicaApi.token(victim, "admin");
        String securityAdmin = ReplicaApi.token(victim, "security-admin"); // staff identities are theirs (安全管理员)
        WECOM_IDS.forEach((username, wecomId) -> setWecomId(victim, securityAdmin, username, wecomId));
        Map<String, Long> rules = new HashMap<>();
        for (String clock : CLOCKS) {
            rules.put(clock, addRule(survivor, admin, clock));
        }
        for (Replica replica : List.of(victim, survivor)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(previewRuleIds(replica, admin))
                    .as("the rules in force on " + replica.name()).containsAllEntriesOf(rules));
        }

        List<String> trackingNos = new ArrayList<>();
        for (int i = 0; i < APPEALS; i++) {
            trackingNos.add(submit(i % 2 == 0 ? victim : survivor));
        }
        // the demo's own appeals (if any) climb their ladders too: everything below is about ours
        // typed Object, so that the array is one statement parameter (a text[]), not the varargs themselves
        Object ours = trackingNos.toArray(String[]::new);
        // stored from the intake stream after the answer, then dispatched and taken on their own
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                DB.count("SELECT count(*) FROM appeal WHERE tracking_no = ANY(?) AND assignee = ?", ours, HOLDER))
                .as("our appeals held by " + HOLDER).isEqualTo(APPEALS));
        for (String clock : CLOCKS) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(DB.count("""
                    SELECT count(*) FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                    WHERE a.tracking_no = ANY(?) AND c.clock = ? AND c.rule_id = ?""", ours, clock, rules.get(clock)))
                    .as(clock + " clocks under the administrator's rule").isEqualTo(APPEALS));
        }

        CompletableFuture<Request> held = wecom.holdNth(victim.name(), HELD_MESSAGE);
        // the time passing: every step of every clock due, in the ladder's order
        int aged = DB.update("""
                UPDATE sla_timer SET due_at = now() - CASE step WHEN 'WARNING' THEN interval '3 minutes'
                    WHEN 'OVERDUE' THEN interval '2 minutes' ELSE interval '1 minute' END
                WHERE fired_at IS NULL AND appeal_id IN (SELECT id FROM appeal WHERE tracking_no = ANY(?))""", ours);
        assertThat(aged).as("timers aged").isEqualTo(APPEALS * CLOCKS.size() * HEAR.size());

        List<String> expected = expectedWecomMessages(trackingNos);
        await().atMost(PATIENCE).until(held::isDone);
        assertThat(deliveredKeys(trackingNos)).as("delivered when the replica is killed").isNotEmpty()
                .hasSizeLessThan(expected.size());
        victim.kill();
        Request caught = held.join();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveredKeys(trackingNos)).containsAll(expected));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(DB.count("SELECT count(*) FROM sla_timer t JOIN appeal a ON a.id = t.appeal_id "
                    + "WHERE a.tracking_no = ANY(?) AND t.fired_at IS NULL", ours)).as("timers to fire").isZero();
            assertThat(DB.count("SELECT count(*) FROM outbox o JOIN appeal a ON a.id = o.appeal_id WHERE "
                    + "a.tracking_no = ANY(?) AND o.event_type = 'SlaEscalated' AND o.published_at IS NULL", ours))
                    .as("escalations not yet relayed").isZero();
            assertThat(DB.count("SELECT count(*) FROM staff_notice "
                    + "WHERE tracking_no = ANY(?) AND wecom_state = 'PENDING'", ours))
                    .as("WeCom messages still to send").isZero();
        });

        assertThat(deliveredKeys(trackingNos)).as("WeCom messages delivered")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(DB.strings("""
                SELECT a.tracking_no || ' ' || e.clock || ' ' || e.step FROM escalation e JOIN appeal a ON a.id = e.appeal_id
                WHERE a.tracking_no = ANY(?)""", ours))
                .as("escalations").containsExactlyInAnyOrderElementsOf(expectedEscalations(trackingNos));
        assertThat(DB.strings("SELECT tracking_no || ' ' || clock || ' ' || step || ' ' || recipient FROM staff_notice "
                + "WHERE tracking_no = ANY(?)", ours))
                .as("staff notices").containsExactlyInAnyOrderElementsOf(expectedNotices(trackingNos));
        assertThat(DB.strings("SELECT DISTINCT wecom_state FROM staff_notice WHERE tracking_no = ANY(?)", ours))
                .containsExactly("SENT");

        List<Request> sameMessage = wecom.requests().stream()
                .filter(r -> r.touser().equals(caught.touser()) && r.title().equals(caught.title())).toList();
        assertThat(sameMessage).as("the message the killed replica never heard back about: sent again, delivered once")
                .extracting(Request::replica, Request::delivered)
                .containsExactly(tuple("replica-a", true),
                        tuple("replica-b", false));
        assertThat(wecom.delivered()).extracting(Request::replica).as("both replicas sent")
                .contains("replica-a", "replica-b");
        System.out.printf("%d WeCom requests, %d messages delivered, %d access token(s) issued%n",
                wecom.requests().size(), wecom.delivered().size(), wecom.tokensIssued());

        assertThat(survivor.stop(Duration.ofSeconds(30))).as("the surviving replica ends on SIGTERM").isTrue();
    }

    private static void setWecomId(Replica replica, String securityAdmin, String username, String wecomId) {
        given().baseUri(replica.baseUri()).auth().oauth2(securityAdmin).contentType(ContentType.JSON)
                .body(Map.of("wecomUserId", wecomId)).put("/api/v1/admin/staff/" + username + "/wecom")
                .then().statusCode(200);
    }

    private static long addRule(Replica replica, String admin, String clock) {
        int minutes = MINUTES.get(clock);
        Map<String, Object> rule = new HashMap<>();
        rule.put("clock", clock);
        rule.put("category", CATEGORY);
        rule.put("amount", minutes);
        rule.put("unit", "NATURAL_MINUTES");
        rule.put("legalSource", "区营商办〔2026〕21号：知识产权类诉求" + minutes + "分钟内办结");
        rule.put("effectiveFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        rule.put("reason", "试点短时限，两副本督办链路");
        return given().baseUri(replica.baseUri()).auth().oauth2(admin).contentType(ContentType.JSON).body(rule)
                .post("/api/v1/admin/clock-rules").then().statusCode(201).extract().<Number> path("id").longValue();
    }

    /** The rule each of our clocks would start under now, as this replica tells a dispatcher. */
    private static Map<String, Long> previewRuleIds(Replica replica, String admin) {
        JsonPath preview = given().baseUri(replica.baseUri()).auth().oauth2(admin)
                .get("/api/v1/sla/preview?appealType=HELP&category=" + CATEGORY).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Long> ids = new HashMap<>();
        CLOCKS.forEach(clock -> ids.put(clock, preview.getLong("find { it.clock == '" + clock + "' }.ruleId")));
        return ids;
    }

    private static String submit(Replica replica) {
        return given().baseUri(replica.baseUri()).contentType(ContentType.JSON)
                .body(Appeals.with("category", CATEGORY)).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
    }

    private static List<String> expectedEscalations(List<String> trackingNos) {
        List<String> expected = new ArrayList<>();
        trackingNos.forEach(no -> CLOCKS.forEach(clock -> HEAR.keySet().forEach(step -> expected.add(
                no + " " + clock + " " + step))));
        return expected;
    }

    private static List<String> expectedNotices(List<String> trackingNos) {
        List<String> expected = new ArrayList<>();
        expectedEscalations(trackingNos).forEach(escalation -> HEAR.get(escalation.substring(escalation.lastIndexOf(' ') + 1))
                .forEach(person -> expected.add(escalation + " " + person)));
        return expected;
    }

    private static List<String> expectedWecomMessages(List<String> trackingNos) {
        return expectedNotices(trackingNos).stream().map(n -> n.substring(0, n.lastIndexOf(' ') + 1)
                + WECOM_IDS.get(n.substring(n.lastIndexOf(' ') + 1))).toList();
    }

    /** "trackingNo clock step wecomId" of each delivered message about these appeals (the title names all but the user). */
    private static List<String> deliveredKeys(List<String> trackingNos) {
        return wecom.delivered().stream().filter(r -> trackingNos.contains(trackingNo(r.title())))
                .map(r -> aboutWhat(r.title()) + " " + r.touser()).toList();
    }

    private static String trackingNo(String title) {
        return title.substring(title.lastIndexOf(' ') + 1);
    }

    /** "【超时】处置时限 · 诉求 2612070000013" → "2612070000013 HANDLE OVERDUE". */
    private static String aboutWhat(String title) {
        String step = title.startsWith("【预警】") ? "WARNING" : title.startsWith("【超时】") ? "OVERDUE"
                : title.startsWith("【督办】") ? "SUPERVISION" : "?";
        String clock = title.contains("】响应时限") ? "RESPOND" : title.contains("】处置时限") ? "HANDLE" : "?";
        return trackingNo(title) + " " + clock + " " + step;
    }
}
