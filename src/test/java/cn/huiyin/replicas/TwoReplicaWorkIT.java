package cn.huiyin.replicas;

import static cn.huiyin.replicas.ReplicaApi.addHandleRule;
import static cn.huiyin.replicas.ReplicaApi.dispatchedTaxAppeal;
import static cn.huiyin.replicas.ReplicaApi.previewRuleId;
import static cn.huiyin.replicas.ReplicaApi.step;
import static cn.huiyin.replicas.ReplicaApi.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two replicas of the packaged service on one database and one Redis key prefix, used as a load balancer would use
 * them: a step on one and the next step on the other. An appeal stored through one is accepted there and answered on
 * the other; each replica's work-queue stream shows the steps the other made; a clock rule and a catalogue line added
 * through one replica's admin API are in force on the other (how long that took is printed, not asserted).
 */
class TwoReplicaWorkIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Longer than any replica keeps a cache without asking the database again (the catalogue: 30 s). */
    private static final Duration CACHE_PATIENCE = Duration.ofSeconds(45);
    private static final Duration LIVE_PATIENCE = Duration.ofSeconds(10);

    private static final ScratchDatabase DB = new ScratchDatabase("huiyin_replicas_work_it");
    private static final String REDIS_PREFIX = "huiyin-replicas-work-it:";
    private static final Path LOGS = Path.of("target", "replicas");

    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        DB.recreate();
        RedisKeys.deleteUnder(REDIS_PREFIX);
        // one after the other: the first migrates and seeds the fresh database, the second finds it ready
        a = Replica.start("work-a", Replica.demoProperties(DB, REDIS_PREFIX), Map.of(), LOGS);
        a.awaitReady(PATIENCE);
        b = Replica.start("work-b", Replica.demoProperties(DB, REDIS_PREFIX), Map.of(), LOGS);
        b.awaitReady(PATIENCE);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        try (Replica first = a; Replica second = b) {
            // both end on SIGTERM (SIGKILL if they hang); null ones are skipped
        } finally {
            RedisKeys.deleteUnder(REDIS_PREFIX);
        }
    }

    @Test
    void an_appeal_accepted_on_one_replica_is_answered_on_the_other_and_each_queue_sees_the_others_steps_live()
            throws Exception {
        String commissioner = token(a, "commissioner-tax");
        String no;
        try (LiveStream onA = LiveStream.open(a, commissioner); LiveStream onB = LiveStream.open(b, commissioner)) {
            onA.awaitListening(REDIS_PREFIX, "TAX");
            onB.awaitListening(REDIS_PREFIX, "TAX");

            no = dispatchedTaxAppeal(a, DB, PATIENCE);

            step(a, commissioner, no, "accept", Map.of());
            assertThat(onB.next(LIVE_PATIENCE, no, "\"status\":\"ACCEPTED\"")).as("B's stream shows A's step")
                    .isNotNull();

            step(b, commissioner, no, "first-contact", Map.of("note", "已电话联系企业财务负责人"));
            assertThat(onA.next(LIVE_PATIENCE, no, "\"status\":\"HANDLING\"")).as("A's stream shows B's step")
                    .isNotNull();
            step(b, commissioner, no, "reply", Map.of("answer", "已为贵司调增数电发票授信额度，请重新登录电子税务局开票。"));
            assertThat(onA.next(LIVE_PATIENCE, no, "\"status\":\"REPLIED\"")).as("A's stream shows B's reply")
                    .isNotNull();
        }
        assertThat(given().baseUri(a.baseUri()).auth().oauth2(commissioner).get("/api/v1/appeals/" + no)
                .then().statusCode(200).extract().<String> path("status")).isEqualTo("REPLIED");
        // events appended by two processes still form one unbroken chain
        assertThat(given().baseUri(b.baseUri()).auth().oauth2(token(b, "admin")).get("/api/v1/appeals/" + no + "/integrity")
                .then().statusCode(200).extract().<Boolean> path("intact")).isTrue();
    }

    @Test
    void a_clock_rule_added_on_one_replica_is_in_force_on_the_other() {
        String admin = token(a, "admin");
        long before = previewRuleId(b, admin); // B has built its planner without the new rule
        long added = addHandleRule(a, admin, "两副本同步验证：纳税服务时限");
        assertThat(added).isNotEqualTo(before);
        assertThat(previewRuleId(a, admin)).as("in force at once where it was made").isEqualTo(added);

        long start = System.nanoTime();
        await().atMost(CACHE_PATIENCE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(previewRuleId(b, admin)).as("the rule in force on B").isEqualTo(added));
        System.out.printf("clock rule added on A in force on B after %d ms%n", millisSince(start));
    }

    @Test
    void a_catalogue_line_added_on_one_replica_takes_appeals_on_the_other() {
        String admin = token(a, "admin");
        String category = "REPLICA_TRIAL";
        // B has its catalogue snapshot, and the category is not in it
        assertThat(submit(b, category, UUID.randomUUID().toString()).statusCode()).isEqualTo(422);

        given().baseUri(a.baseUri()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "两副本试点事项", "unitRule", "TAX", "keywords", "两副本 试点",
                        "reason", "两副本同步验证"))
                .put("/api/v1/admin/catalogue/" + category).then().statusCode(200);
        assertThat(submit(a, category, UUID.randomUUID().toString()).statusCode())
                .as("in force at once where it was made").isEqualTo(202);

        // the same key on every try: however many tries, at most one appeal
        String key = UUID.randomUUID().toString();
        long start = System.nanoTime();
        await().atMost(CACHE_PATIENCE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(submit(b, category, key).statusCode()).as("B takes the new category")
                        .isEqualTo(202));
        System.out.printf("catalogue line added on A in force on B after %d ms%n", millisSince(start));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(DB.strings(
                "SELECT handling_unit FROM appeal WHERE dedupe_key = ?", "WEB:" + key)).containsExactly("TAX"));
    }

    private static Response submit(Replica replica, String category, String idempotencyKey) {
        return given().baseUri(replica.baseUri()).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(Appeals.with("category", category)).post("/api/v1/appeals");
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
