package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WorkQueues;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The work queue is ordered by a copy of the running handling clock's due time on the appeal row
 * ({@code appeal.handle_due_at}, V20): whatever moves the clock moves the appeal in the queue, and the copy never
 * differs from the clock, whichever step wrote it; nor does the copy on the rows of the units that help (协办).
 */
@QuarkusTest
class QueueOrderKeyTest {

    /** The running handling clock's due time (the latest round's), as the queue ordered by before the copy. */
    private static final String RUNNING_HANDLE_DUE = """
            (SELECT c.due_at FROM appeal_clock c WHERE c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
             ORDER BY c.round DESC LIMIT 1)""";

    /** The unit's queue as it was read before the copy: joined to the running clocks, helped appeals included. */
    private static final String TAX_QUEUE_FROM_THE_CLOCKS = """
            SELECT a.tracking_no FROM appeal a
            LEFT JOIN appeal_clock c ON c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
            LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
            WHERE (a.handling_unit = 'TAX' OR a.id IN (SELECT h.appeal_id FROM appeal_helper_unit h WHERE h.unit_code = 'TAX'))
              AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
            ORDER BY """;

    @Inject
    Database db;

    @Inject
    Pool pool;

    @Inject
    BreachRisks risks;

    private static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    private static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(Appeals.tokenFor(user));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then();
    }

    /** These appeals in the order the commissioner's queue lists them, page by page. */
    private static List<String> inQueue(String user, List<String> appeals) {
        return WorkQueues.walk(user, 7).stream().filter(appeals::contains).toList();
    }

    private String dueOnRow(String trackingNo) {
        return db.string("SELECT handle_due_at::text FROM appeal WHERE tracking_no = $1", trackingNo);
    }

    private String runningDue(String trackingNo) {
        return db.string("SELECT " + RUNNING_HANDLE_DUE + "::text FROM appeal a WHERE a.tracking_no = $1", trackingNo);
    }

    private List<String> trackingNumbers(String sql) {
        List<String> numbers = new ArrayList<>();
        for (Row row : pool.query(sql).execute().await().atMost(Duration.ofSeconds(10))) {
            numbers.add(row.getString(0).strip());
        }
        return numbers;
    }

    /** The whole queue riskiest first, page by page with the keyset the API hands out. */
    private static List<String> walkByRisk(String user, int pageSize) {
        String token = Appeals.tokenFor(user);
        List<String> all = new ArrayList<>();
        String afterRisk = null;
        Object afterId = null;
        for (int page = 0; page < 2000; page++) {
            var request = given().auth().oauth2(token).queryParam("sort", "risk").queryParam("limit", pageSize);
            if (afterId != null) {
                request.queryParam("afterRisk", afterRisk).queryParam("afterId", afterId);
            }
            List<Map<String, Object>> items = request.get("/api/v1/workqueue").then().statusCode(200).extract().jsonPath()
                    .getList("");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> all.add(((String) item.get("trackingNo")).strip()));
            Map<String, Object> last = items.get(items.size() - 1);
            afterRisk = last.get("breachRisk") == null ? "none" : last.get("breachRisk").toString();
            afterId = last.get("appealId");
        }
        return all;
    }

    @Test
    void both_orders_page_by_page_are_the_orders_of_the_clocks_and_the_risks_themselves() {
        // some appeals with a risk, some arrived since the last refresh, one in rework, one the unit helps with
        String reworked = submit(Appeals.with("uscc", "91440106MA5CXK8R10"));
        post("commissioner-tax", "/api/v1/appeals/" + reworked + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + reworked + "/reply", Map.of("answer", "经核实，授信额度已调增，请重新开票。"))
                .statusCode(200);
        post("enterprise-demo", "/api/v1/appeals/" + reworked + "/rating",
                Map.of("level", 1, "resolved", false, "comment", "问题仍未解决")).statusCode(200);
        String helped = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + helped + "/transfer", Map.of("toUnit", "SAMR", "reason", "属于商事登记事项"))
                .statusCode(200);
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + helped + "/helpers", Map.of("unit", "TAX")).statusCode(200);
        submit(Appeals.validSubmission());
        risks.refresh().await().atMost(Duration.ofSeconds(30));
        String sinceRefresh = submit(Appeals.validSubmission());

        List<String> byDeadline = WorkQueues.walk("commissioner-tax", 3);
        assertThat(byDeadline).contains(reworked, helped, sinceRefresh)
                .isEqualTo(trackingNumbers(TAX_QUEUE_FROM_THE_CLOCKS + " coalesce(c.due_at, 'infinity'::timestamptz), a.id"));
        List<String> byRisk = walkByRisk("commissioner-tax", 3);
        assertThat(byRisk).contains(reworked, helped, sinceRefresh)
                .isEqualTo(trackingNumbers(TAX_QUEUE_FROM_THE_CLOCKS + " coalesce(r.miss_probability, -1) DESC, a.id"));
        assertThat(db.count("SELECT count(*) FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id WHERE a.handling_unit = 'TAX'"))
                .isPositive();
    }

    @Test
    void an_extension_and_a_re_timing_move_the_appeal_in_the_queue() {
        String first = submit(Appeals.validSubmission());
        String second = submit(Appeals.validSubmission());
        String third = submit(Appeals.validSubmission());
        List<String> mine = List.of(first, second, third);
        assertThat(inQueue("commissioner-tax", mine)).containsExactly(first, second, third);

        // an approved extension: the first appeal's deadline moves 5 working days later, behind the other two
        post("dispatcher-demo", "/api/v1/appeals/" + first + "/clocks/HANDLE/extension",
                Map.of("workingDays", 5, "reason", "需协调供电部门现场勘查")).statusCode(200);
        assertThat(dueOnRow(first)).isEqualTo(runningDue(first));
        assertThat(inQueue("commissioner-tax", mine)).containsExactly(second, third, first);

        // the third clock's start moves back 30 days (as if its calendar had been wrong): nothing moves until re-timing
        db.execute("UPDATE appeal_clock SET started_at = started_at - interval '30 days' WHERE appeal_id = $1 AND clock = 'HANDLE'",
                db.id(third));
        assertThat(inQueue("commissioner-tax", mine)).containsExactly(second, third, first);
        given().auth().oauth2(Appeals.tokenFor("admin")).post("/api/v1/sla/recompute").then().statusCode(200)
                .body("clocksRetimed", greaterThanOrEqualTo(1));
        assertThat(dueOnRow(third)).isEqualTo(runningDue(third));
        assertThat(inQueue("commissioner-tax", mine)).containsExactly(third, second, first);
    }

    @Test
    void every_appeal_carries_the_due_time_of_its_running_handling_clock_whichever_step_wrote_it() {
        String armed = submit(Appeals.validSubmission());

        String replied = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + replied + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + replied + "/reply", Map.of("answer", "经核实，授信额度已调增，请重新开票。"))
                .statusCode(200);

        String transferred = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + transferred + "/transfer", Map.of("toUnit", "SAMR", "reason", "属于商事登记事项"))
                .statusCode(200);

        String returned = submit(Appeals.validSubmission());
        post("commissioner-tax", "/api/v1/appeals/" + returned + "/return", Map.of("reason", "属于市场监管事项，非税务")).statusCode(200);
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + returned + "/return-decision",
                Map.of("accept", true, "toUnit", "SAMR", "reason", "同意退回，改派市场监管局")).statusCode(200);

        // 其他 (OTHER) is placed by hand: the appeal waits for the dispatcher, without clocks
        String placedByHand = submit(Appeals.with("category", "OTHER"));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", placedByHand)).isEqualTo("RECEIVED");
        assertThat(dueOnRow(placedByHand)).isNull();
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + placedByHand + "/dispatch", Map.of("category", "BIZ_REG")).statusCode(200);

        String parent = submit(Appeals.validSubmission());
        String child = submit(Appeals.validSubmission());
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + child + "/merge", Map.of("parent", parent)).statusCode(200);

        String extended = submit(Appeals.validSubmission());
        String dueBefore = dueOnRow(extended);
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + extended + "/helpers", Map.of("unit", "SAMR")).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + extended + "/extension-request",
                Map.of("clock", "HANDLE", "workingDays", 3, "reason", "需现场核查")).statusCode(200);
        long requestId = Long.parseLong(db.string("SELECT id::text FROM extension_request WHERE appeal_id = $1", db.id(extended)));
        post("dispatcher-demo", "/api/v1/dispatch/extension-requests/" + requestId + "/decision", Map.of("approve", true))
                .statusCode(200);

        String reworked = submit(Appeals.with("uscc", "91440106MA5CXK8R10"));
        post("commissioner-tax", "/api/v1/appeals/" + reworked + "/accept", null).statusCode(200);
        post("commissioner-tax", "/api/v1/appeals/" + reworked + "/reply", Map.of("answer", "经核实，授信额度已调增，请重新开票。"))
                .statusCode(200);
        post("enterprise-demo", "/api/v1/appeals/" + reworked + "/rating",
                Map.of("level", 1, "resolved", false, "comment", "问题仍未解决")).statusCode(200).body("status", equalTo("REWORK"));

        // the steps' own outcomes: a running clock's due on the row, none once the clock stopped
        assertThat(dueOnRow(armed)).isNotNull();
        assertThat(dueOnRow(placedByHand)).isNotNull();
        assertThat(dueOnRow(transferred)).isNotNull();
        assertThat(dueOnRow(returned)).isNotNull();
        assertThat(dueOnRow(parent)).isNotNull();
        assertThat(dueOnRow(extended)).isNotNull().isNotEqualTo(dueBefore);
        assertThat(dueOnRow(replied)).isNull();
        assertThat(dueOnRow(child)).isNull();
        assertThat(dueOnRow(reworked)).isNull();
        // and for every appeal in the database, whoever wrote its clocks
        assertThat(db.count("SELECT count(*) FROM appeal a WHERE a.handle_due_at IS DISTINCT FROM " + RUNNING_HANDLE_DUE))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM appeal WHERE handle_due_at IS NOT NULL")).isPositive();
        // helper rows (协办) carry their appeal's openness and key: the helping unit's queue reads them in order
        assertThat(db.count("""
                SELECT count(*) FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id
                WHERE (h.appeal_open, h.handle_due_at)
                    IS DISTINCT FROM (a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK'), a.handle_due_at)""")).isZero();
        assertThat(db.string("SELECT handle_due_at::text FROM appeal_helper_unit WHERE appeal_id = $1", db.id(extended)))
                .isEqualTo(dueOnRow(extended));
        assertThat(WorkQueues.walk("commissioner-samr")).contains(extended);
        // a rework appeal is open again, without a running handling clock: at the end of the queue
        List<String> queue = WorkQueues.walk("commissioner-tax");
        assertThat(queue).contains(armed, extended, reworked).doesNotContain(replied, child, transferred, returned);
        assertThat(queue.indexOf(reworked)).isGreaterThan(queue.indexOf(armed));
    }
    /** The risk that counts for the appeal (computed for its current unit), as text; null when it has none. */
    private String countedRisk(String trackingNo) {
        return db.string("""
                SELECT r.miss_probability::text FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
                WHERE a.tracking_no = $1 AND r.unit_code = a.handling_unit""", trackingNo);
    }

    private String riskCopy(String trackingNo, String unit) {
        return db.string("SELECT breach_risk::text FROM appeal_helper_unit WHERE appeal_id = $1 AND unit_code = $2",
                db.id(trackingNo), unit);
    }

    @Test
    void a_helper_row_carries_the_risk_that_counts_for_its_appeal_whoever_wrote_it() {
        String helped = submit(Appeals.validSubmission());
        risks.refresh().await().atMost(Duration.ofSeconds(30));
        assertThat(countedRisk(helped)).isNotNull();

        // a helper added after the refresh starts from the appeal's risk
        post("dispatcher-demo", "/api/v1/dispatch/appeals/" + helped + "/helpers", Map.of("unit", "SAMR")).statusCode(200);
        assertThat(riskCopy(helped, "SAMR")).isEqualTo(countedRisk(helped));

        // the refresh brings a copy that differs back in step
        db.execute("UPDATE appeal_helper_unit SET breach_risk = 0.999 WHERE appeal_id = $1", db.id(helped));
        risks.refresh().await().atMost(Duration.ofSeconds(30));
        assertThat(riskCopy(helped, "SAMR")).isEqualTo(countedRisk(helped));

        // after a transfer the old unit's risk no longer counts, on the helper row either, until the next refresh
        post("commissioner-tax", "/api/v1/appeals/" + helped + "/transfer", Map.of("toUnit", "ECO", "reason", "属于生态环境事项"))
                .statusCode(200);
        assertThat(countedRisk(helped)).isNull();
        assertThat(riskCopy(helped, "SAMR")).isNull();
        assertThat(walkByRisk("commissioner-samr", 50)).contains(helped);
        risks.refresh().await().atMost(Duration.ofSeconds(30));
        assertThat(riskCopy(helped, "SAMR")).isNotNull().isEqualTo(countedRisk(helped));
        assertThat(db.count("""
                SELECT count(*) FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id
                LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
                WHERE h.appeal_open AND h.breach_risk IS DISTINCT FROM r.miss_probability""")).isZero();
    }
}
