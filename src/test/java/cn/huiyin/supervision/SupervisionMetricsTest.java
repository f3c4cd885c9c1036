package cn.huiyin.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.MetricsProjector;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.supervision.application.SupervisionOrders;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Supervision orders issued, answered and climbed through the API reach the leaders' figures (per unit and per
 * street) and the appeal's internal timeline, and never the enterprise's.
 */
@QuarkusTest
class SupervisionMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String STREET = "ST-SHIPAI";

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Inject
    SupervisionOrders orders;

    @Inject
    MetricsProjector projector;

    private String day;

    private JsonPath summary(String filter, String value) {
        projector.projectAll().await().atMost(PATIENCE);
        return given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("from", day).queryParam("to", day)
                .queryParam(filter, value).get("/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath();
    }

    /** How far each supervision set moved since {@code before}; other appeals of the day may share the cell. */
    private static Map<String, Long> moved(JsonPath before, JsonPath after) {
        return Map.of("RECEIVED", delta(before, after, "RECEIVED"), "SUPERVISED", delta(before, after, "SUPERVISED"),
                "SUPERVISION_ON_TIME", delta(before, after, "SUPERVISION_ON_TIME"),
                "SUPERVISION_CLIMBED", delta(before, after, "SUPERVISION_CLIMBED"));
    }

    private static long delta(JsonPath before, JsonPath after, String set) {
        return after.getLong("counts." + set + ".value") - before.getLong("counts." + set + ".value");
    }

    private static Map<String, Object> issue(String trackingNo, int days) {
        return given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).contentType(ContentType.JSON)
                .body(Map.of("demand", "请说明该诉求超时未办结的原因。", "replyWorkingDays", days))
                .post("/api/v1/supervision/" + trackingNo + "/orders").then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static void answer(String leader, long id, boolean late) {
        given().auth().oauth2(leader).contentType(ContentType.JSON).body(Map.of("explanation", "已查明原因并完成整改，特此说明。"))
                .post("/api/v1/supervision/orders/" + id + "/answer").then().statusCode(200).body("answeredLate", equalTo(late));
    }

    @Test
    void orders_issued_answered_and_climbed_are_counted_for_the_unit_and_the_street_and_shown_internally() {
        Map<String, Object> receipt = given().contentType(ContentType.JSON).body(Appeals.validSubmission())
                .post("/api/v1/appeals").then().statusCode(202).extract().jsonPath().getMap("");
        String trackingNo = (String) receipt.get("trackingNo");
        long appealId = db.id(trackingNo);
        db.execute("UPDATE appeal SET street_code = $2 WHERE id = $1", appealId, STREET);
        db.execute("UPDATE sla_timer SET due_at = now() - interval '30 days' WHERE appeal_id = $1 AND fired_at IS NULL "
                + "AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')", appealId);
        sweeper.sweep().await().atMost(PATIENCE);
        String name = "leader-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) "
                + "VALUES ($1, $2, 'unit-leader', 'TAX', false)", name, "税务局 领导 " + name);
        String leader = Appeals.tokenFor(name);

        projector.projectAll().await().atMost(PATIENCE);
        day = db.string("SELECT received_day::text FROM metrics_appeal_fact WHERE appeal_id = $1", appealId);
        JsonPath unitBefore = summary("unit", "TAX");
        JsonPath streetBefore = summary("street", STREET);

        // a first order, answered by its deadline
        long first = ((Number) issue(trackingNo, 3).get("id")).longValue();
        assertThat(moved(unitBefore, summary("unit", "TAX"))).as("issued, waiting")
                .isEqualTo(Map.of("RECEIVED", 0L, "SUPERVISED", 1L, "SUPERVISION_ON_TIME", 0L, "SUPERVISION_CLIMBED", 0L));
        answer(leader, first, false);
        assertThat(moved(unitBefore, summary("unit", "TAX"))).as("answered on time")
                .isEqualTo(Map.of("RECEIVED", 0L, "SUPERVISED", 1L, "SUPERVISION_ON_TIME", 1L, "SUPERVISION_CLIMBED", 0L));

        // a second one, left past its deadline: it climbs, and its late answer spoils "every order on time"
        long second = ((Number) issue(trackingNo, 1).get("id")).longValue();
        db.execute("UPDATE supervision_order SET reply_due_at = now() - interval '1 minute' WHERE id = $1", second);
        orders.escalateDue().await().atMost(PATIENCE);
        answer(leader, second, true);
        Map<String, Long> expected = Map.of("RECEIVED", 0L, "SUPERVISED", 1L, "SUPERVISION_ON_TIME", 0L,
                "SUPERVISION_CLIMBED", 1L);
        JsonPath unitAfter = summary("unit", "TAX");
        assertThat(moved(unitBefore, unitAfter)).as("per unit").isEqualTo(expected);
        assertThat(moved(streetBefore, summary("street", STREET))).as("per street").isEqualTo(expected);
        assertThat(db.count("SELECT count(*) FROM metrics_appeal_fact WHERE appeal_id = $1 AND unit_code = 'TAX'",
                appealId)).as("counted against the unit holding it").isEqualTo(1);

        // 免督办率 is published from the same two counts
        Map<String, Object> rate = unitAfter.getMap("rates.find { it.figure == 'UNSUPERVISED_RATE' }");
        assertThat(rate.get("complement")).isEqualTo(true);
        assertThat(((Number) rate.get("numerator")).longValue()).isEqualTo(unitAfter.getLong("counts.SUPERVISED.value"));
        assertThat(((Number) rate.get("value")).doubleValue()).isCloseTo(1 - (double) unitAfter.getLong("counts.SUPERVISED.value")
                / unitAfter.getLong("counts.RECEIVED.value"), within(1e-6)); // the API's rates are single-precision floats

        // the drill-down lists the appeal under each set it is in
        for (String set : List.of("SUPERVISED", "SUPERVISION_CLIMBED")) {
            given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("figure", set).queryParam("from", day)
                    .queryParam("to", day).queryParam("unit", "TAX").queryParam("limit", 500)
                    .get("/api/v1/metrics/drilldown").then().statusCode(200)
                    .body("items.appealId", hasItem((int) appealId));
        }

        // the staff timeline, in words, and internal only
        List<Map<String, Object>> steps = given().auth().oauth2(Appeals.tokenFor("district-leader"))
                .get("/api/v1/appeals/" + trackingNo).then().statusCode(200).extract().jsonPath().getList("timeline");
        List<Map<String, Object>> supervision = steps.stream()
                .filter(s -> ((String) s.get("type")).startsWith("SUPERVISION_ORDER_")).toList();
        assertThat(supervision).extracting(s -> s.get("label")).containsExactly("督办单已下发", "督办单已答复", "督办单已下发",
                "督办单逾期未复，已升级至区领导", "督办单逾期答复");
        assertThat(supervision).extracting(s -> s.get("visibility")).containsOnly("INTERNAL");
        assertThat(supervision.get(3).get("actor")).isEqualTo(SupervisionOrders.ACTOR);
        assertThat(supervision.get(0).get("reason")).isEqualTo("请说明该诉求超时未办结的原因。");

        List<String> enterpriseSees = given().header("X-Query-Code", (String) receipt.get("queryCode"))
                .get("/api/v1/appeals/" + trackingNo).then().statusCode(200).extract().jsonPath().getList("timeline.type");
        assertThat(enterpriseSees).isNotEmpty().noneMatch(type -> type.startsWith("SUPERVISION_ORDER_"));
    }
}
