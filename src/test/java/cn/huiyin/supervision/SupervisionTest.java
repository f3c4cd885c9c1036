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

import cn.huiyin.risk.application.BreachRisks;
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

    @Inject
    BreachRisks risks;

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
        return Appeals.tokenFor(taxLeaderName());
    }

    /** A leader of the tax bureau of their own, named {@code 税务局 领导 <username>}. */
    private String taxLeaderName() {
        String name = "leader-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'unit-leader', 'TAX', false)",
                name, "税务局 领导 " + name);
        return name;
    }

    private static Map<String, Object> deskLine(String token, String trackingNo) {
        return wholeDesk(token).stream().filter(line -> trackingNo.equals(line.get("trackingNo"))).findFirst()
                .orElseThrow(() -> new AssertionError(trackingNo + " is not on the desk"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastAnswered(Map<String, Object> line) {
        return (Map<String, Object>) line.get("lastAnswered");
    }

    private static void answer(String token, long id, String explanation) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("explanation", explanation))
                .post("/api/v1/supervision/orders/" + id + "/answer").then().statusCode(200);
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
    void the_desk_shows_the_latest_orders_explanation_once_answered_and_takes_a_new_order() {
        String trackingNo = overdueAppeal(30);
        String name = taxLeaderName();
        String unit = Appeals.tokenFor(name);
        String supervisor = Appeals.tokenFor("district-leader");
        String onTime = "经核实，企业授信额度问题已于今日协调解决，后续将按时办结。";
        long first = ((Number) issue(supervisor, trackingNo, "请说明该诉求超时未办结的原因及整改措施。", 3).get("id")).longValue();
        answer(unit, first, onTime);

        Map<String, Object> line = deskLine(supervisor, trackingNo);
        assertThat(line.get("openOrder")).isNull();
        Map<String, Object> answered = lastAnswered(line);
        assertThat(answered).isNotNull();
        assertThat(((Number) answered.get("id")).longValue()).isEqualTo(first);
        assertThat(answered.get("state")).isEqualTo("ANSWERED");
        assertThat(answered.get("stateLabel")).isEqualTo("已答复");
        assertThat(answered.get("answer")).isEqualTo(onTime);
        assertThat(answered.get("answeredBy")).isEqualTo("unit-leader:" + name);
        assertThat(answered.get("answeredByName")).isEqualTo("税务局 领导 " + name);
        assertThat(answered.get("answeredLate")).isEqualTo(false);
        assertThat(Instant.parse((String) answered.get("answeredAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(answered.get("demand")).isEqualTo("请说明该诉求超时未办结的原因及整改措施。");

        // a new order is the appeal's latest: it waits, and the earlier answer leaves the line
        long second = ((Number) issue(supervisor, trackingNo, "请再次说明办理进展。", 1).get("id")).longValue();
        line = deskLine(supervisor, trackingNo);
        assertThat(lastAnswered(line)).isNull();
        assertThat(line.get("openOrder")).isNotNull();

        // past its deadline it climbs, is answered late, and its answer (not the first) is on the desk, marked late
        db.execute("UPDATE supervision_order SET reply_due_at = now() - interval '1 minute' WHERE id = $1", second);
        orders.escalateDue().await().atMost(PATIENCE);
        answer(unit, second, "因人员调整未能按期答复，现已为企业恢复开票。");
        answered = lastAnswered(deskLine(supervisor, trackingNo));
        assertThat(((Number) answered.get("id")).longValue()).isEqualTo(second);
        assertThat(answered.get("answer")).isEqualTo("因人员调整未能按期答复，现已为企业恢复开票。");
        assertThat(answered.get("answeredLate")).isEqualTo(true);
        assertThat(answered.get("escalatedAt")).isNotNull();
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
        // 18 digits of microseconds reach 29,700 BC, a time the database cannot store: refused as any other cursor
        given().auth().oauth2(dispatcher).get("/api/v1/supervision?after=-999999999999999999.1").then().statusCode(400)
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

    @Test
    void appeals_expected_late_are_listed_riskiest_first_and_none_that_is_late_already() {
        // the one on the desk: its ladder fired (on the late list), though its handling deadline is still ahead
        AtRisk.Scene scene = AtRisk.scene(db, overdueAppeal(3));
        String riskier = scene.riskier();
        String lesser = scene.lesser();
        String overdue = scene.overdue();
        String onDesk = scene.onDesk();
        String holder = taxCommissioner();
        db.execute("UPDATE appeal SET assignee = $1 WHERE tracking_no = $2", holder, riskier);
        risks.refresh().await().atMost(Duration.ofSeconds(30));
        // the lesser one less likely to miss, though due sooner: the list goes by risk, not by deadline
        AtRisk.storeRisk(db, lesser, 0.7);
        assertThat(AtRisk.storedRisk(db, riskier)).isGreaterThan(0.7);
        String leader = Appeals.tokenFor("district-leader");
        // the risk's own list has the one on the desk: it is the desk that leaves it out
        given().auth().oauth2(leader).queryParam("unit", "TAX").queryParam("limit", 200).get("/api/v1/risk/expected-late")
                .then().statusCode(200).body("appeals.trackingNo", hasItem(onDesk));

        JsonPath body = given().auth().oauth2(leader).queryParam("limit", 200).get("/api/v1/supervision/expected-late")
                .then().statusCode(200).extract().jsonPath();

        assertThat(body.getDouble("expectedLateAt")).isEqualTo(risks.expectedLateAt());
        List<Map<String, Object>> appeals = body.getList("appeals");
        List<Object> order = appeals.stream().map(a -> a.get("trackingNo")).toList();
        assertThat(order).contains(riskier, lesser).doesNotContain(overdue, onDesk);
        assertThat(order.indexOf(riskier)).isLessThan(order.indexOf(lesser));
        assertThat(appeals.stream().map(a -> ((Number) a.get("breachRisk")).doubleValue()).toList())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(risk -> assertThat(risk).isGreaterThanOrEqualTo(risks.expectedLateAt()));
        Map<String, Object> line = appeals.get(order.indexOf(riskier));
        assertThat(line).containsEntry("unitCode", "TAX").containsEntry("holder", holder)
                .containsEntry("holderName", "专员 " + holder).containsKeys("unitName", "statusLabel", "computedAt");
        assertThat(Instant.parse((String) line.get("handleDueAt"))).isAfter(Instant.now());
        assertThat(deskLine(leader, onDesk)).isNotNull();

        given().auth().oauth2(leader).queryParam("limit", 1).get("/api/v1/supervision/expected-late").then()
                .statusCode(200).body("appeals.size()", equalTo(1));
        given().auth().oauth2(leader).queryParam("limit", 0).get("/api/v1/supervision/expected-late").then()
                .statusCode(400);
        for (String user : List.of("commissioner-tax", "leader-samr", "enterprise-demo")) {
            given().auth().oauth2(Appeals.tokenFor(user)).get("/api/v1/supervision/expected-late").then().statusCode(403);
        }
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).get("/api/v1/supervision/expected-late").then()
                .statusCode(200);
    }

    /** A TAX commissioner of their own, off duty so automatic assignment leaves them alone. */
    private String taxCommissioner() {
        String name = "c-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'commissioner', 'TAX', false)",
                name, "专员 " + name);
        return name;
    }
}
