package cn.huiyin.sla.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class SlaClocksTest {

    @Inject
    Database db;

    @Inject
    SlaClockService clocks;

    @Inject
    Pool pool;

    @Inject
    SlaSweeper sweeper;

    private String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    @Test
    void dispatch_starts_the_clocks_arms_their_ladders_and_opens_custody() {
        String trackingNo = submit(Appeals.validSubmission());
        long id = db.id(trackingNo);

        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1", id)).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM sla_timer WHERE appeal_id = $1", id)).isEqualTo(6);
        assertThat(db.string("SELECT unit_code FROM custody WHERE appeal_id = $1 AND until_at IS NULL", id)).isEqualTo("TAX");
        assertThat(db.count("""
                SELECT count(*) FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                WHERE c.appeal_id = $1 AND c.started_at = a.dispatched_at""", id)).isEqualTo(3);

        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + trackingNo)
                .then().statusCode(200)
                .body("clocks.clock", contains("RESPOND", "HANDLE", "RETURN_WINDOW"))
                .body("clocks[0].state", equalTo("ON_TIME"))
                .body("clocks[1].dueAt", notNullValue())
                .body("clocks[1].workingMinutesLeft", notNullValue());
    }

    @Test
    void an_appeal_waiting_for_the_dispatcher_has_no_clocks_yet() {
        Map<String, Object> vague = Appeals.with("category", null);
        vague.put("title", "想咨询一个问题");
        vague.put("description", "请问我们公司遇到的这个情况应该找哪个部门，麻烦告知一下，谢谢。");
        String trackingNo = submit(vague);
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1", db.id(trackingNo))).isZero();
    }

    @Test
    void the_preview_counts_working_days_around_national_day() {
        given().auth().oauth2(Appeals.tokenFor("admin"))
                .queryParam("appealType", "CONSULT").queryParam("category", "TAX_SERVICE")
                .queryParam("from", "2025-09-30T08:00:00Z")
                .get("/api/v1/sla/preview").then().statusCode(200)
                .body("find { it.clock == 'HANDLE' }.dueAt", equalTo("2025-10-10T10:00:00Z"))
                .body("find { it.clock == 'HANDLE' }.legalSource", equalTo("咨询类：2个工作日内答复"))
                .body("find { it.clock == 'RESPOND' }.dueAt", equalTo("2025-09-30T09:00:00Z"))
                .body("find { it.clock == 'RESPOND' }.warningAt", equalTo("2025-09-30T08:48:00Z"))
                .body("find { it.clock == 'REWORK' }.amount", equalTo(5));
        given().auth().oauth2(Appeals.tokenFor("admin"))
                .queryParam("appealType", "HELP").queryParam("category", "POWER").queryParam("urgent", "true")
                .queryParam("from", "2026-02-16T02:00:00Z")
                .get("/api/v1/sla/preview").then().statusCode(200)
                .body("find { it.clock == 'HANDLE' }.dueAt", equalTo("2026-02-17T02:00:00Z"))
                .body("find { it.clock == 'RESPOND' }.dueAt", equalTo("2026-02-16T02:30:00Z"));
    }

    @Test
    void the_preview_refuses_bad_input_and_callers_without_the_role() {
        String admin = Appeals.tokenFor("admin");
        given().auth().oauth2(admin).queryParam("appealType", "GOSSIP").get("/api/v1/sla/preview")
                .then().statusCode(400).body("field", equalTo("appealType"));
        given().auth().oauth2(admin).queryParam("appealType", "HELP").queryParam("from", "yesterday")
                .get("/api/v1/sla/preview").then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("appealType", "HELP").queryParam("from", "+300000-01-01T00:00:00Z")
                .get("/api/v1/sla/preview").then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("appealType", "HELP").queryParam("urgent", "maybe")
                .get("/api/v1/sla/preview").then().statusCode(400).body("field", equalTo("urgent"));
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).queryParam("appealType", "HELP")
                .get("/api/v1/sla/preview").then().statusCode(403);
        given().queryParam("appealType", "HELP").get("/api/v1/sla/preview").then().statusCode(401);
    }

    @Test
    void an_approved_extension_moves_the_deadline_once_and_is_in_the_timeline() {
        String trackingNo = submit(Appeals.validSubmission());
        String before = db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'HANDLE'",
                db.id(trackingNo));
        String dispatcher = Appeals.tokenFor("dispatcher-demo");

        given().auth().oauth2(dispatcher).contentType(ContentType.JSON)
                .body(Map.of("workingDays", 5, "reason", "需协调供电部门现场勘查"))
                .post("/api/v1/appeals/" + trackingNo + "/clocks/HANDLE/extension")
                .then().statusCode(200).body("extendedDays", equalTo(5));
        assertThat(db.string("SELECT due_at::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'HANDLE'",
                db.id(trackingNo))).isNotEqualTo(before);
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body(Map.of("workingDays", 2, "reason", "再延"))
                .post("/api/v1/appeals/" + trackingNo + "/clocks/HANDLE/extension")
                .then().statusCode(409).body("type", containsString("already-extended"));
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body(Map.of("workingDays", 11, "reason", "太长"))
                .post("/api/v1/appeals/" + trackingNo + "/clocks/RESPOND/extension")
                .then().statusCode(422).body("field", equalTo("workingDays"));
        given().auth().oauth2(Appeals.tokenFor("leader-samr")).contentType(ContentType.JSON)
                .body(Map.of("workingDays", 2, "reason", "不是本单位"))
                .post("/api/v1/appeals/" + trackingNo + "/clocks/RESPOND/extension").then().statusCode(404);
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + trackingNo)
                .then().body("timeline.type", hasItem("EXTENDED"));
    }

    @Test
    void a_stopped_clock_never_escalates() {
        String trackingNo = submit(Appeals.validSubmission());
        long id = db.id(trackingNo);
        pool.withTransaction(tx -> clocks.stop(tx, id, Instant.now(), ClockKind.RESPOND)).await().atMost(Duration.ofSeconds(10));
        db.execute("UPDATE sla_timer SET due_at = now() - interval '1 minute' WHERE appeal_id = $1 AND fired_at IS NULL", id);

        sweeper.sweep().await().atMost(Duration.ofSeconds(10));

        assertThat(db.count("SELECT count(*) FROM escalation WHERE appeal_id = $1 AND clock = 'RESPOND'", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM escalation WHERE appeal_id = $1 AND clock = 'HANDLE'", id)).isEqualTo(3);
        assertThat(db.string("SELECT supervised::text FROM appeal WHERE id = $1", id)).isEqualTo("true");
    }

    @Test
    void importing_a_calendar_re_times_running_clocks_and_a_second_run_changes_nothing() {
        String admin = Appeals.tokenFor("admin");
        given().auth().oauth2(admin).contentType("text/csv").body("date,kind,name\n2027-01-01,HOLIDAY,元旦\n")
                .post("/api/v1/sla/calendar").then().statusCode(200).body("importedYears", contains(2027));
        given().get("/api/v1/sla/calendar").then().statusCode(200).body("loadedYears", hasItem(2027));
        given().auth().oauth2(admin).post("/api/v1/sla/recompute").then().statusCode(200)
                .body("clocksRetimed", equalTo(0));
        given().auth().oauth2(admin).contentType("text/csv").body("date,kind,name\n2027-13-01,HOLIDAY,bad\n")
                .post("/api/v1/sla/calendar").then().statusCode(422).body("field", equalTo("line[2].date"));
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).contentType("text/csv")
                .body("date,kind,name\n2027-01-01,HOLIDAY,元旦\n").post("/api/v1/sla/calendar").then().statusCode(403);
    }

    @Test
    void the_public_page_lists_the_rules_in_chinese() {
        given().get("/sla").then().statusCode(200).body(containsString("咨询类：2个工作日内答复"))
                .body(containsString("个工作小时"))
                // appeal types and categories by their Chinese names, never their codes
                .body(containsString("类型 咨询")).body(containsString("分类 用电报装与供电 · 紧急"))
                .body(not(containsString("CONSULT"))).body(not(containsString("分类 POWER")));
    }
}
