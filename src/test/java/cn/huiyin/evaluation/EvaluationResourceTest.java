package cn.huiyin.evaluation;

import static cn.huiyin.evaluation.EvaluationFlow.answered;
import static cn.huiyin.evaluation.EvaluationFlow.post;
import static cn.huiyin.evaluation.EvaluationFlow.rate;
import static cn.huiyin.evaluation.EvaluationFlow.reply;
import static cn.huiyin.evaluation.EvaluationFlow.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** The evaluation loop over HTTP: rate, rework, default at the window's end, contest, refusals. */
@QuarkusTest
class EvaluationResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Inject
    Pool pool;

    private long ratings(String no) {
        return db.count("SELECT count(*) FROM rating g JOIN appeal a ON a.id = g.appeal_id WHERE a.tracking_no = $1", no);
    }

    private String status(String no) {
        return db.string("SELECT status FROM appeal WHERE tracking_no = $1", no);
    }

    private long running(String no, String clock) {
        return db.count("""
                SELECT count(*) FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                WHERE a.tracking_no = $1 AND c.clock = $2 AND c.stopped_at IS NULL""", no, clock);
    }

    @Test
    void a_reply_opens_round_one_asks_for_a_rating_and_a_good_rating_closes_the_appeal() {
        String no = answered(false);
        assertThat(running(no, "EVALUATE")).isEqualTo(1);
        assertThat(running(no, "FEEDBACK")).isZero(); // not sampled: no return visit due
        assertThat(db.count("SELECT count(*) FROM outbox o JOIN appeal a ON a.id = o.appeal_id WHERE a.tracking_no = $1 "
                + "AND o.event_type = 'RatingRequested' AND o.payload LIKE '%\"round\":1%'", no)).isEqualTo(1);

        rate("enterprise-demo", no, 4, true).statusCode(200).body("round", equalTo(1)).body("good", equalTo(true))
                .body("status", equalTo("CLOSED"));

        assertThat(running(no, "EVALUATE")).isZero();
        view(no).body("status", equalTo("CLOSED"))
                .body("timeline.type", hasItems("REPLIED", "RATING_REQUESTED", "RATED", "CLOSED"))
                .body("timeline.find { it.type == 'RATED' }.label", equalTo("企业评价"))
                .body("timeline.find { it.type == 'RATED' }.detail", equalTo("满意，问题已解决。测试评价"));
        given().auth().oauth2(Appeals.tokenFor("admin")).get("/api/v1/appeals/" + no + "/integrity").then()
                .body("intact", equalTo(true));
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }

    @Test
    void a_bad_rating_opens_rework_and_the_next_reply_starts_round_two() {
        String no = answered(false);
        rate("enterprise-demo", no, 2, true).statusCode(200).body("good", equalTo(false)).body("status", equalTo("REWORK"));
        assertThat(running(no, "REWORK")).isEqualTo(1);
        assertThat(running(no, "FEEDBACK")).isEqualTo(1); // every bad rating is called back
        assertThat(db.string("SELECT visit_reason FROM evaluation_round r JOIN appeal a ON a.id = r.appeal_id "
                + "WHERE a.tracking_no = $1 AND r.round = 1", no)).isEqualTo("BAD_RATING");

        reply(no);
        assertThat(running(no, "REWORK")).isZero();
        rate("enterprise-demo", no, 5, true).statusCode(200).body("round", equalTo(2)).body("good", equalTo(true));

        assertThat(ratings(no)).isEqualTo(2);
        // the round-one visit is still due: the appeal waits for it, evaluated
        assertThat(status(no)).isEqualTo("EVALUATED");
        view(no).body("timeline.findAll { it.type == 'RATING_REQUESTED' }.size()", equalTo(2))
                .body("timeline.type", hasItem("REWORK_OPENED"));
    }

    @Test
    void the_rating_window_runs_out_and_the_default_rating_is_recorded_exactly_once() {
        String no = answered(false);
        long id = db.id(no);
        db.execute("UPDATE sla_timer SET due_at = now() - interval '1 minute' WHERE appeal_id = $1 AND step = 'EXPIRY'", id);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> sweeper.sweep().await().atMost(PATIENCE));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> sweeper.sweep().await().atMost(PATIENCE));
        first.join();
        second.join();
        sweeper.sweep().await().atMost(PATIENCE);

        assertThat(ratings(no)).isEqualTo(1);
        assertThat(db.string("SELECT level || '/' || resolved || '/' || defaulted || '/' || via FROM rating WHERE appeal_id = $1",
                id)).isEqualTo("3/true/true/DEFAULT");
        assertThat(status(no)).isEqualTo("CLOSED");
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'RATED'", id)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM escalation WHERE appeal_id = $1", id)).isZero();
        view(no).body("timeline.find { it.type == 'RATED' }.label", equalTo("系统默认评价"))
                .body("timeline.find { it.type == 'RATED' }.detail", equalTo("系统默认评价：基本满意，问题已解决"));
        // the enterprise can no longer rate that round
        rate("enterprise-demo", no, 1, false).statusCode(409);
    }

    @Test
    void an_appeal_busy_at_the_window_s_end_is_not_waited_for_and_gets_its_default_at_the_next_sweep() {
        String no = answered(false);
        long id = db.id(no);
        db.execute("UPDATE sla_timer SET due_at = now() - interval '1 minute' WHERE appeal_id = $1 AND step = 'EXPIRY'", id);
        SqlConnection holder = pool.getConnection().await().atMost(PATIENCE);
        Transaction held = holder.begin().await().atMost(PATIENCE);
        try {
            holder.preparedQuery("SELECT id FROM appeal WHERE id = $1 FOR UPDATE").execute(Tuple.of(id)).await()
                    .atMost(PATIENCE);
            sweeper.sweep().await().atMost(PATIENCE); // does not wait for the held row
            assertThat(ratings(no)).isZero();
            assertThat(db.count("SELECT count(*) FROM sla_timer WHERE appeal_id = $1 AND step = 'EXPIRY' AND fired_at IS NULL",
                    id)).isEqualTo(1);
        } finally {
            held.rollback().await().atMost(PATIENCE);
            holder.close().await().atMost(PATIENCE);
        }
        sweeper.sweep().await().atMost(PATIENCE);
        assertThat(ratings(no)).isEqualTo(1);
        assertThat(status(no)).isEqualTo("CLOSED");
    }

    @Test
    void a_second_rating_of_the_same_round_is_refused_and_changes_nothing() {
        String no = answered(true);
        rate("enterprise-demo", no, 5, true).statusCode(200).body("status", equalTo("EVALUATED"));
        rate("enterprise-demo", no, 1, false).statusCode(409)
                .body("type", equalTo("https://huiyin.cn/problems/already-rated"));
        assertThat(ratings(no)).isEqualTo(1);
        assertThat(db.string("SELECT level::text FROM rating g JOIN appeal a ON a.id = g.appeal_id WHERE a.tracking_no = $1",
                no)).isEqualTo("5");
    }

    @Test
    void staff_may_not_rate_and_other_enterprises_do_not_see_the_appeal() {
        String no = answered(false);
        for (String staff : new String[] { "commissioner-tax", "dispatcher-demo", "district-leader", "admin", "agent-demo" }) {
            rate(staff, no, 5, true).statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://huiyin.cn/problems/staff-may-not-rate"));
        }
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("level", 5, "resolved", true))
                .post("/api/v1/appeals/" + no + "/rating").then().statusCode(401);
        assertThat(ratings(no)).isZero();
        assertThat(status(no)).isEqualTo("REPLIED");
    }

    @Test
    void malformed_ratings_are_refused_naming_the_field() {
        String no = answered(false);
        post("enterprise-demo", "/api/v1/appeals/" + no + "/rating", Map.of("level", 6, "resolved", true)).statusCode(422)
                .body("field", equalTo("level"));
        post("enterprise-demo", "/api/v1/appeals/" + no + "/rating", Map.of("level", 3)).statusCode(422)
                .body("field", equalTo("resolved"));
        post("enterprise-demo", "/api/v1/appeals/" + no + "/rating", Map.of("level", 3, "resolved", true,
                "comment", "长".repeat(501))).statusCode(422).body("field", equalTo("comment"));
        post("enterprise-demo", "/api/v1/appeals/not-a-number/rating", Map.of("level", 3, "resolved", true)).statusCode(400);
        assertThat(ratings(no)).isZero();
    }

    @Test
    void a_unit_contests_a_bad_rating_once_and_the_district_upholds_it() {
        String no = answered(false);
        rate("enterprise-demo", no, 1, false).statusCode(200);
        String contest = "/api/v1/appeals/" + no + "/evaluation/rounds/1/contest";

        post("commissioner-samr", contest, Map.of("reason", "不是我单位的诉求")).statusCode(404);
        post("commissioner-tax", contest, Map.of("reason", "企业诉求超出法定职责范围，已依法答复")).statusCode(200)
                .body("state", equalTo("CONTESTED"));
        post("commissioner-tax", contest, Map.of("reason", "再次申诉试试看")).statusCode(409);
        post("commissioner-tax", contest + "/decision", Map.of("upheld", true, "reason", "自己复核自己")).statusCode(403);
        post("dispatcher-demo", contest + "/decision", Map.of("upheld", true, "reason", "经核实，答复符合政策规定"))
                .statusCode(200).body("state", equalTo("UPHELD")).body("excludedFromMetrics", equalTo(true));
        post("district-leader", contest + "/decision", Map.of("upheld", false, "reason", "重复复核不应成功")).statusCode(409);

        long id = db.id(no);
        assertThat(db.string("SELECT excluded_from_metrics::text FROM rating WHERE appeal_id = $1", id)).isEqualTo("true");
        assertThat(db.string("SELECT payload FROM appeal_event WHERE appeal_id = $1 AND type = 'RATING_REVIEW_DECIDED'", id))
                .isEqualTo("{\"round\":1,\"upheld\":true,\"excludedFromMetrics\":true}");
        assertThat(status(no)).isEqualTo("REWORK"); // the rework stands: the enterprise still gets a new answer
        view(no).body("timeline.type", not(hasItem("RATING_CONTESTED"))); // internal to the unit and the centre
    }

    @Test
    void contests_visits_and_the_visit_queue_refuse_malformed_input() {
        String no = answered(false);
        rate("enterprise-demo", no, 2, true).statusCode(200);
        String round = "/api/v1/appeals/" + no + "/evaluation/rounds/1";
        post("commissioner-tax", round + "/contest", Map.of("reason", "太短")).statusCode(422).body("field", equalTo("reason"));
        post("commissioner-tax", round + "/contest", Map.of("reason", "含控制字符\u0007的理由")).statusCode(422);
        post("commissioner-tax", round + "/contest", Map.of("reason", "企业诉求超出法定职责范围")).statusCode(200);
        post("dispatcher-demo", round + "/contest/decision", Map.of("reason", "缺少是否支持的结论")).statusCode(422)
                .body("field", equalTo("upheld"));
        post("dispatcher-demo", round + "/return-visit", Map.of("reached", false, "resolved", true)).statusCode(422);
        post("dispatcher-demo", round + "/return-visit", Map.of("reached", true, "resolved", true, "level", 9))
                .statusCode(422).body("field", equalTo("level"));
        post("dispatcher-demo", "/api/v1/appeals/" + no + "/evaluation/rounds/x/return-visit", Map.of("reached", false))
                .statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("limit", 0)
                .get("/api/v1/return-visits").then().statusCode(422).body("field", equalTo("limit"));
        io.restassured.RestAssured.given().auth().oauth2(Appeals.tokenFor("commissioner-tax"))
                .get("/api/v1/return-visits").then().statusCode(403);
        assertThat(db.count("SELECT count(*) FROM return_visit WHERE appeal_id = $1", db.id(no))).isZero();
        assertThat(db.string("SELECT (decided_at IS NULL)::text FROM rating_contest WHERE appeal_id = $1", db.id(no)))
                .isEqualTo("true");
    }

    @Test
    void a_rejected_contest_keeps_the_rating_in_the_metrics_and_good_ratings_cannot_be_contested() {
        String bad = answered(false);
        rate("enterprise-demo", bad, 2, true).statusCode(200);
        String contest = "/api/v1/appeals/" + bad + "/evaluation/rounds/1/contest";
        post("leader-samr", contest, Map.of("reason", "不是本单位诉求的申诉")).statusCode(404);
        post("commissioner-tax", contest, Map.of("reason", "企业对政策理解有误")).statusCode(200);
        post("district-leader", contest + "/decision", Map.of("upheld", false, "reason", "企业反映问题属实")).statusCode(200)
                .body("state", equalTo("REJECTED")).body("excludedFromMetrics", equalTo(false));
        assertThat(db.string("SELECT excluded_from_metrics::text FROM rating WHERE appeal_id = $1", db.id(bad)))
                .isEqualTo("false");

        String good = answered(false);
        rate("enterprise-demo", good, 5, true).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + good + "/evaluation/rounds/1/contest", Map.of("reason", "好评也想申诉"))
                .statusCode(409).body("type", equalTo("https://huiyin.cn/problems/not-contestable"));
    }

    @Test
    void a_return_visit_that_finds_a_good_rating_unresolved_overturns_it_flags_it_and_closes_the_appeal() {
        String no = answered(true);
        assertThat(running(no, "FEEDBACK")).isEqualTo(1);
        rate("enterprise-demo", no, 5, true).statusCode(200).body("status", equalTo("EVALUATED"));
        var queue = io.restassured.RestAssured.given().auth().oauth2(Appeals.tokenFor("dispatcher-demo"))
                .queryParam("limit", 200).get("/api/v1/return-visits").then().statusCode(200);
        queue.body("findAll { it.trackingNo == '" + no + "' }.reason", hasItem("SAMPLE"));
        String visit = "/api/v1/appeals/" + no + "/evaluation/rounds/1/return-visit";

        post("commissioner-tax", visit, Map.of("reached", true, "resolved", false)).statusCode(403);
        post("dispatcher-demo", visit, Map.of("reached", true)).statusCode(422).body("field", equalTo("resolved"));
        post("dispatcher-demo", visit, Map.of("reached", true, "resolved", false, "level", 2, "note", "企业称发票仍无法开具"))
                .statusCode(200).body("overturned", equalTo(true)).body("unresolvedClosure", equalTo(true))
                .body("status", equalTo("CLOSED"));
        post("dispatcher-demo", visit, Map.of("reached", false)).statusCode(409);

        assertThat(running(no, "FEEDBACK")).isZero();
        assertThat(db.string("SELECT unresolved_closure::text FROM evaluation_round WHERE appeal_id = $1", db.id(no)))
                .isEqualTo("true");
        view(no).body("timeline.find { it.type == 'RETURN_VISITED' }.detail", equalTo("回访：问题未解决，不满意（与评价不符）"))
                .body("timeline.type", hasItem("CLOSED"));
        io.restassured.RestAssured.given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("limit", 200)
                .get("/api/v1/return-visits").then().body("trackingNo", not(hasItem(no)));
    }

    @Test
    void a_return_visit_after_a_bad_rating_can_overturn_it_and_an_unreached_visit_overturns_nothing() {
        String no = answered(false);
        rate("enterprise-demo", no, 1, true).statusCode(200);
        post("dispatcher-demo", "/api/v1/appeals/" + no + "/evaluation/rounds/1/return-visit",
                Map.of("reached", true, "resolved", true, "level", 4)).statusCode(200)
                .body("overturned", equalTo(true)).body("unresolvedClosure", equalTo(false)).body("status", equalTo("REWORK"));

        String other = answered(false);
        rate("enterprise-demo", other, 2, true).statusCode(200);
        post("dispatcher-demo", "/api/v1/appeals/" + other + "/evaluation/rounds/1/return-visit",
                Map.of("reached", false, "note", "两次致电无人接听")).statusCode(200).body("overturned", equalTo(false));
        post("dispatcher-demo", "/api/v1/appeals/" + other + "/evaluation/rounds/9/return-visit",
                Map.of("reached", false)).statusCode(404);
    }
}
