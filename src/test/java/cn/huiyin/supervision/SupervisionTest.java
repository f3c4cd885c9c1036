package cn.huiyin.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.supervision.application.SupervisionOrders;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

/** The supervision desk and its orders through the API, as the district centre and the units use them. */
@QuarkusTest
class SupervisionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Inject
    SupervisionOrders orders;

    /** A tax appeal (dispatched to TAX on intake) whose clocks ran out {@code daysAgo} days ago, swept up the ladder. */
    private String overdueAppeal(int daysAgo) {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        db.execute("UPDATE sla_timer SET due_at = now() - make_interval(days => $2) WHERE appeal_id = $1 "
                + "AND fired_at IS NULL AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')", db.id(trackingNo), daysAgo);
        sweeper.sweep().await().atMost(PATIENCE);
        return trackingNo;
    }

    private String taxLeader() {
        String name = "leader-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'unit-leader', 'TAX', false)",
                name, "税务局 领导 " + name);
        return Appeals.tokenFor(name);
    }

    /** Every line of the desk, page after page, as the API gives them. */
    private static List<Map<String, Object>> wholeDesk(String token) {
        List<Map<String, Object>> lines = new ArrayList<>();
        String after = null;
        // small pages first (the keyset must carry across them), then large ones: other tests leave late appeals too
        for (int page = 0; page < 1000; page++) {
            var request = given().auth().oauth2(token).queryParam("limit", page < 3 ? 7 : 200);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath body = request.get("/api/v1/supervision").then().statusCode(200).extract().jsonPath();
            lines.addAll(body.getList("lines"));
            after = body.getString("next");
            if (after == null) {
                return lines;
            }
        }
        throw new AssertionError("the desk never ended");
    }

    private static Map<String, Object> issue(String token, String trackingNo, String demand, int days) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("demand", demand, "replyWorkingDays", days))
                .post("/api/v1/supervision/" + trackingNo + "/orders")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    @Test
    void late_appeals_are_on_the_desk_oldest_breach_first_with_their_ladder_and_lateness_in_working_time() {
        String recent = overdueAppeal(20);
        String oldest = overdueAppeal(400);
        String middle = overdueAppeal(100);

        List<Map<String, Object>> mine = wholeDesk(Appeals.tokenFor("district-leader")).stream()
                .filter(line -> List.of(recent, oldest, middle).contains(line.get("trackingNo"))).toList();

        assertThat(mine).extracting(line -> line.get("trackingNo")).containsExactly(oldest, middle, recent);
        Map<String, Object> first = mine.get(0);
        assertThat(first.get("unitName")).isEqualTo("国家税务总局广州市天河区税务局");
        assertThat(first.get("supervised")).isEqualTo(true);
        assertThat(first.get("lateClock")).isNotNull();
        assertThat(((Number) first.get("lateMinutes")).longValue()).isGreaterThan(((Number) mine.get(2).get("lateMinutes")).longValue());
        assertThat((String) first.get("lateWords")).contains("个工作日");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ladder = (List<Map<String, Object>>) first.get("ladder");
        assertThat(ladder).extracting(step -> step.get("step")).contains("WARNING", "OVERDUE", "SUPERVISION");
    }

    @Test
    void a_supervisor_issues_an_order_the_units_leader_sees_and_answers_it() {
        String trackingNo = overdueAppeal(30);
        String leader = taxLeader();

        Map<String, Object> issued = issue(Appeals.tokenFor("dispatcher-demo"), trackingNo, "请说明该诉求超时未办结的原因及整改措施。", 3);
        assertThat(issued.get("state")).isEqualTo("OPEN");
        assertThat(issued.get("replyDays")).isEqualTo(3);
        assertThat(Instant.parse((String) issued.get("replyDueAt"))).isAfter(Instant.now().plus(Duration.ofDays(2)));
        long id = ((Number) issued.get("id")).longValue();

        assertThat(wholeDesk(Appeals.tokenFor("district-leader")).stream()
                .filter(line -> trackingNo.equals(line.get("trackingNo"))).findFirst().orElseThrow().get("openOrder"))
                .isNotNull();

        given().auth().oauth2(leader).get("/api/v1/supervision/orders").then().statusCode(200)
                .body("find { it.id == " + id + " }.trackingNo", equalTo(trackingNo))
                .body("find { it.id == " + id + " }.state", equalTo("OPEN"));

        given().auth().oauth2(leader).contentType(ContentType.JSON)
                .body(Map.of("explanation", "经核实，企业授信额度问题已于今日协调解决，后续将按时办结。"))
                .post("/api/v1/supervision/orders/" + id + "/answer")
                .then().statusCode(200)
                .body("state", equalTo("ANSWERED"))
                .body("answeredLate", equalTo(false))
                .body("history.kind", contains("ISSUED", "ANSWERED"));

        // answered: a new order may be issued again, the old one cannot be answered twice
        given().auth().oauth2(leader).contentType(ContentType.JSON)
                .body(Map.of("explanation", "第二次提交的情况说明，不应被接受。"))
                .post("/api/v1/supervision/orders/" + id + "/answer")
                .then().statusCode(409).body("type", containsString("order-already-answered"));
        issue(Appeals.tokenFor("district-leader"), trackingNo, "请再次说明办理进展。", 1);
    }

    @Test
    void at_most_one_order_waits_on_an_appeal() {
        String trackingNo = overdueAppeal(30);
        String dispatcher = Appeals.tokenFor("dispatcher-demo");
        issue(dispatcher, trackingNo, "请说明超时原因。", 2);

        given().auth().oauth2(Appeals.tokenFor("district-leader")).contentType(ContentType.JSON)
                .body(Map.of("demand", "第二份督办单。", "replyWorkingDays", 2))
                .post("/api/v1/supervision/" + trackingNo + "/orders")
                .then().statusCode(409).body("type", containsString("order-already-open"));
        assertThat(db.count("SELECT count(*) FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo))).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_stored() {
        String trackingNo = overdueAppeal(30);
        String dispatcher = Appeals.tokenFor("dispatcher-demo");
        record Case(Object body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("demand", "短", "replyWorkingDays", 3), 400, "demand"),
                // control characters are refused at the edge, before the field rules
                new Case(Map.of("demand", "请说明\u0007超时原因。", "replyWorkingDays", 3), 422, "demand"),
                new Case(Map.of("demand", "请说明超时原因。", "replyWorkingDays", 11), 400, "replyWorkingDays"),
                new Case(Map.of("demand", "请说明超时原因。", "replyWorkingDays", 0), 400, "replyWorkingDays"),
                new Case(Map.of("demand", "请说明超时原因。"), 400, "replyWorkingDays"));
        for (Case bad : cases) {
            given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body(bad.body())
                    .post("/api/v1/supervision/" + trackingNo + "/orders")
                    .then().statusCode(bad.status()).contentType(containsString("application/problem+json"))
                    .body("field", equalTo(bad.field()));
        }
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).post("/api/v1/supervision/" + trackingNo + "/orders")
                .then().statusCode(400).body("field", equalTo("body"));
        given().auth().oauth2(dispatcher).get("/api/v1/supervision?after=yesterday").then().statusCode(400)
                .body("field", equalTo("after"));
        assertThat(db.count("SELECT count(*) FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo))).isZero();

        long id = ((Number) issue(dispatcher, trackingNo, "请说明超时原因。", 2).get("id")).longValue();
        given().auth().oauth2(taxLeader()).contentType(ContentType.JSON).body(Map.of("explanation", "太短的说明"))
                .post("/api/v1/supervision/orders/" + id + "/answer")
                .then().statusCode(400).body("field", equalTo("explanation"));
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("OPEN");
        assertThat(db.count("SELECT count(*) FROM supervision_order_event WHERE order_id = $1", id)).isEqualTo(1);
    }

    @Test
    void only_the_district_centre_supervises_and_only_the_holding_units_leader_answers() {
        String trackingNo = overdueAppeal(30);
        long id = ((Number) issue(Appeals.tokenFor("district-leader"), trackingNo, "请说明超时原因。", 2).get("id")).longValue();
        Map<String, String> answer = Map.of("explanation", "这是一份足够长的情况说明文字。");

        given().get("/api/v1/supervision").then().statusCode(401);
        for (String user : List.of("commissioner-tax", "leader-samr", "agent-demo", "enterprise-demo")) {
            given().auth().oauth2(Appeals.tokenFor(user)).get("/api/v1/supervision").then().statusCode(403);
        }
        given().auth().oauth2(Appeals.tokenFor("leader-samr")).contentType(ContentType.JSON)
                .body(Map.of("demand", "请说明超时原因。", "replyWorkingDays", 2))
                .post("/api/v1/supervision/" + trackingNo + "/orders").then().statusCode(403);
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).contentType(ContentType.JSON).body(answer)
                .post("/api/v1/supervision/orders/" + id + "/answer").then().statusCode(403);

        // another unit's leader: the order is not theirs, so for them it does not exist
        String samr = Appeals.tokenFor("leader-samr");
        given().auth().oauth2(samr).contentType(ContentType.JSON).body(answer)
                .post("/api/v1/supervision/orders/" + id + "/answer").then().statusCode(404);
        given().auth().oauth2(samr).get("/api/v1/supervision/orders").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("OPEN");

        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).contentType(ContentType.JSON)
                .body(Map.of("demand", "请说明超时原因。", "replyWorkingDays", 2))
                .post("/api/v1/supervision/2611259999999/orders").then().statusCode(404);
    }

    @Test
    void an_unanswered_order_past_its_deadline_climbs_to_the_district_leader_exactly_once() {
        String trackingNo = overdueAppeal(30);
        long id = ((Number) issue(Appeals.tokenFor("dispatcher-demo"), trackingNo, "请说明超时原因。", 1).get("id")).longValue();

        orders.escalateDue().await().atMost(PATIENCE);
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("OPEN");

        db.execute("UPDATE supervision_order SET reply_due_at = now() - interval '1 minute' WHERE id = $1", id);
        // two replicas at once, then a later tick
        Uni.combine().all().unis(orders.escalateDue(), orders.escalateDue()).asTuple().await().atMost(PATIENCE);
        orders.escalateDue().await().atMost(PATIENCE);

        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("ESCALATED");
        assertThat(db.count("SELECT count(*) FROM supervision_order_event WHERE order_id = $1 AND kind = 'ESCALATED'", id))
                .isEqualTo(1);
        given().auth().oauth2(Appeals.tokenFor("district-leader")).get("/api/v1/supervision/escalated").then().statusCode(200)
                .body("find { it.id == " + id + " }.stateLabel", equalTo("逾期未复，已升级至区领导"));

        // the appeal's timeline says so once, internally (the metrics count it: SupervisionMetricsTest)
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'SUPERVISION_ORDER_CLIMBED' "
                + "AND visibility = 'INTERNAL'", db.id(trackingNo))).isEqualTo(1);

        // answered late, it leaves the escalated list
        given().auth().oauth2(taxLeader()).contentType(ContentType.JSON)
                .body(Map.of("explanation", "因人员调整未能按期答复，现已办结。"))
                .post("/api/v1/supervision/orders/" + id + "/answer")
                .then().statusCode(200).body("answeredLate", equalTo(true));
        given().auth().oauth2(Appeals.tokenFor("district-leader")).get("/api/v1/supervision/escalated").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
    }
}
