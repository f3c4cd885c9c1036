package cn.huiyin.sla.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A district administrator changes a clock rule by API: a new version, audited, in force for clocks that start from
 * its date on every replica, while clocks already running keep theirs.
 */
@QuarkusTest
class ClockRuleAdminTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Database db;

    @Inject
    SlaCalendar calendar;

    @Inject
    SlaConfig config;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Appeals.tokenFor(user)).contentType(ContentType.JSON);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A category of its own, handled by TAX, so the rules added here touch no other test's appeals. */
    private static String newCategory() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String category = "SLA_" + (letters + "ABCDEFGHIJ").substring(0, 10);
        as("admin").body(Map.of("name", "时限测试分类", "unitRule", "TAX", "reason", "时限规则测试"))
                .put("/api/v1/admin/catalogue/" + category).then().statusCode(200);
        return category;
    }

    private static Map<String, Object> respondRule(String category, int minutes, LocalDate from) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("clock", "RESPOND");
        rule.put("category", category);
        rule.put("amount", minutes);
        rule.put("unit", "NATURAL_MINUTES");
        rule.put("legalSource", "区营商办〔2026〕12号：本类诉求派单后" + minutes + "分钟内响应");
        rule.put("effectiveFrom", from.toString());
        rule.put("reason", "试点缩短响应时限");
        return rule;
    }

    private static Map<String, Object> with(Map<String, Object> rule, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(rule);
        changed.put(field, value);
        return changed;
    }

    private static long add(Map<String, Object> rule) {
        return as("admin").body(rule).post("/api/v1/admin/clock-rules").then().statusCode(201)
                .extract().<Number> path("id").longValue();
    }

    private static String submitIn(String category) {
        return given().contentType(ContentType.JSON).body(Appeals.with("category", category)).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
    }

    private long respondRuleOf(String trackingNo) {
        return db.count("SELECT rule_id FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RESPOND'", db.id(trackingNo));
    }

    /** Seconds from the RESPOND clock's start to the given step of its ladder (OVERDUE is the due time). */
    private long respondSecondsTo(String trackingNo, String step) {
        return db.count("""
                SELECT extract(epoch FROM t.due_at - c.started_at)::bigint FROM sla_timer t JOIN appeal_clock c ON c.id = t.clock_id
                WHERE c.appeal_id = $1 AND c.clock = 'RESPOND' AND t.step = $2""", db.id(trackingNo), step);
    }

    @Test
    void a_short_respond_rule_is_in_force_at_once_for_new_appeals_while_a_running_clock_keeps_its_rule() {
        String category = newCategory();
        String before = submitIn(category);
        long oldRule = respondRuleOf(before);
        String oldDue = db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RESPOND'",
                db.id(before));

        long rule = as("admin").body(respondRule(category, 10, today())).post("/api/v1/admin/clock-rules").then()
                .statusCode(201).body("clock", equalTo("RESPOND")).body("category", equalTo(category))
                .body("amount", equalTo(10)).body("unit", equalTo("NATURAL_MINUTES"))
                .body("effectiveFrom", equalTo(today().toString())).body("changedBy", equalTo("admin:admin"))
                .body("changedAt", notNullValue()).body("reason", equalTo("试点缩短响应时限"))
                .extract().<Number> path("id").longValue();

        String after = submitIn(category);
        assertThat(respondRuleOf(after)).isEqualTo(rule);
        assertThat(respondSecondsTo(after, "OVERDUE")).isEqualTo(600);
        assertThat(respondSecondsTo(after, "WARNING")).isEqualTo(480);
        assertThat(db.count("""
                SELECT count(*) FROM sla_timer t JOIN appeal_clock c ON c.id = t.clock_id
                WHERE c.appeal_id = $1 AND c.clock = 'RESPOND' AND t.step = 'SUPERVISION' AND t.due_at > c.due_at""",
                db.id(after))).isEqualTo(1);
        JsonPath view = given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + after).then()
                .statusCode(200).extract().jsonPath();
        Instant startedAt = Instant.parse(view.getString("clocks.find { it.clock == 'RESPOND' }.startedAt"));
        Instant dueAt = Instant.parse(view.getString("clocks.find { it.clock == 'RESPOND' }.dueAt"));
        assertThat(Duration.between(startedAt, dueAt)).isEqualTo(Duration.ofMinutes(10));

        // the appeal dispatched before keeps the version its clock started under
        assertThat(respondRuleOf(before)).isEqualTo(oldRule).isNotEqualTo(rule);
        assertThat(db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RESPOND'",
                db.id(before))).isEqualTo(oldDue);
        given().auth().oauth2(Appeals.tokenFor("admin")).post("/api/v1/sla/recompute").then().statusCode(200);
        assertThat(db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RESPOND'",
                db.id(before))).isEqualTo(oldDue);
    }

    @Test
    void rules_that_make_no_sense_are_refused_naming_the_field_and_nothing_is_stored() {
        String category = newCategory();
        Map<String, Object> good = respondRule(category, 10, today());
        long before = db.count("SELECT count(*) FROM clock_rule");

        refused(with(good, "amount", 0), 422, "amount");
        refused(with(good, "amount", -5), 422, "amount");
        refused(with(good, "effectiveFrom", today().minusDays(1).toString()), 422, "effectiveFrom");
        refused(with(good, "category", "NO_SUCH_CATEGORY"), 422, "category");
        refused(with(good, "appealType", "GOSSIP"), 422, "appealType");
        refused(with(good, "unit", "FORTNIGHTS"), 422, "unit");
        refused(with(good, "clock", "LUNCH"), 422, "clock");
        as("admin").body(with(with(good, "clock", "EVALUATE"), "unit", "NATURAL_DAYS")).post("/api/v1/admin/clock-rules")
                .then().statusCode(422).body("field", equalTo("clock")).body("errors[0].code", equalTo("clock.fixed"));

        refused(with(good, "legalSource", null), 400, "legalSource");
        refused(with(good, "reason", "   "), 400, "reason");
        refused(with(good, "clock", null), 400, "clock");
        refused(with(good, "amount", "ten"), 400, "amount");
        refused(with(good, "effectiveFrom", "2027-02-30"), 400, "effectiveFrom");
        refused(with(good, "category", "tax service"), 400, "category");
        as("admin").post("/api/v1/admin/clock-rules").then().statusCode(400).body("field", equalTo("body"));

        assertThat(db.count("SELECT count(*) FROM clock_rule")).isEqualTo(before);
    }

    private static void refused(Map<String, Object> rule, int status, String field) {
        as("admin").body(rule).post("/api/v1/admin/clock-rules").then().statusCode(status)
                .contentType("application/problem+json").body("field", equalTo(field));
    }

    @Test
    void only_an_administrator_changes_or_reads_the_rules() {
        String category = newCategory();
        long before = db.count("SELECT count(*) FROM clock_rule");
        Map<String, Object> rule = respondRule(category, 10, today());
        for (String user : List.of("dispatcher-demo", "district-leader", "commissioner-tax")) {
            as(user).body(rule).post("/api/v1/admin/clock-rules").then().statusCode(403);
            as(user).get("/api/v1/admin/clock-rules").then().statusCode(403);
            as(user).get("/api/v1/admin/clock-rules/history?clock=RESPOND").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(rule).post("/api/v1/admin/clock-rules").then().statusCode(401);
        assertThat(db.count("SELECT count(*) FROM clock_rule")).isEqualTo(before);
    }

    @Test
    void the_history_tells_who_added_each_version_when_and_why_and_the_list_shows_what_is_in_force_and_ahead() {
        String category = newCategory();
        long first = add(respondRule(category, 20, today()));
        long replacing = add(with(respondRule(category, 15, today()), "reason", "试点期间再次调整"));
        long ahead = add(with(respondRule(category, 30, today().plusDays(10)), "reason", "试点结束后恢复"));

        JsonPath history = as("admin").get("/api/v1/admin/clock-rules/history?clock=RESPOND").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("id", Long.class)).containsSubsequence(first, replacing, ahead);
        assertThat(history.getString("find { it.id == " + replacing + " }.changedBy")).isEqualTo("admin:admin");
        assertThat(history.getString("find { it.id == " + replacing + " }.reason")).isEqualTo("试点期间再次调整");
        assertThat(history.getString("find { it.id == " + replacing + " }.changedAt")).isNotBlank();
        assertThat(history.getString("find { it.id == " + ahead + " }.effectiveFrom"))
                .isEqualTo(today().plusDays(10).toString());
        // the defaults came with the schema, and say so
        assertThat(history.getString("[0].changedBy")).isEqualTo("system:migration");
        assertThat(history.getList("clock", String.class)).containsOnly("RESPOND");

        JsonPath standing = as("admin").get("/api/v1/admin/clock-rules").then().statusCode(200)
                .body("today", equalTo(today().toString())).extract().jsonPath();
        assertThat(standing.getList("inForce.id", Long.class)).contains(replacing).doesNotContain(first, ahead);
        assertThat(standing.getList("scheduled.id", Long.class)).contains(ahead).doesNotContain(first, replacing);

        as("admin").get("/api/v1/admin/clock-rules/history?clock=LUNCH").then().statusCode(400)
                .body("field", equalTo("clock"));
        as("admin").get("/api/v1/admin/clock-rules/history").then().statusCode(400).body("field", equalTo("clock"));
    }

    @Test
    void versions_are_history_the_database_refuses_to_edit_or_delete_one() {
        long id = db.count("SELECT min(id) FROM clock_rule");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> db.execute("UPDATE clock_rule SET amount = 99 WHERE id = $1", id));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> db.execute("DELETE FROM clock_rule WHERE id = $1", id));
    }

    @Test
    void another_replica_picks_a_new_version_up_at_its_next_check_without_a_restart() {
        String category = newCategory();
        AtomicLong ticker = new AtomicLong();
        PlannerCache otherReplica = calendar.newCache(ticker::get);
        assertThat(respondRuleFor(otherReplica.get().await().atMost(PATIENCE), category).category()).isNull();

        long rule = add(respondRule(category, 10, today()));
        assertThat(respondRuleFor(otherReplica.get().await().atMost(PATIENCE), category).id())
                .as("until its next check the other replica works with what it read").isNotEqualTo(rule);

        ticker.addAndGet(config.changeCheckEvery().toNanos());
        assertThat(respondRuleFor(otherReplica.get().await().atMost(PATIENCE), category).id()).isEqualTo(rule);
    }

    @Test
    void this_replica_picks_up_a_version_stored_by_another_within_seconds() {
        String category = newCategory();
        assertThat(respondRuleFor(calendar.planner().await().atMost(PATIENCE), category).category()).isNull();

        // as another replica writes it: nothing on this one is told
        db.execute("""
                INSERT INTO clock_rule (clock, category, amount, unit, legal_source, effective_from, changed_by, reason)
                VALUES ('RESPOND', $1, 20, 'NATURAL_MINUTES', '另一副本写入的版本', $2, 'admin:admin', '跨副本生效')""",
                category, today());
        long stored = db.count("SELECT max(id) FROM clock_rule WHERE category = $1", category);

        await().atMost(PATIENCE).until(() -> respondRuleFor(calendar.planner().await().atMost(PATIENCE), category).id() == stored);
        assertThat(respondRuleOf(submitIn(category))).isEqualTo(stored);
    }

    private static ClockRule respondRuleFor(SlaPlanner planner, String category) {
        return planner.rules().select(ClockKind.RESPOND, "HELP", category, false, today()).orElseThrow();
    }
}
