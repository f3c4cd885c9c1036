package cn.huiyin.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The live breach risk: the job reads the open handling clocks and the unit's recent answers from the database,
 * stores a risk per open appeal, drops it once the appeal is answered, and the 预计超时 list shows the appeals likely
 * to miss, to the district centre and to the unit's own staff only.
 */
@QuarkusTest
class BreachRisksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Database db;

    @Inject
    BreachRisks risks;

    @Inject
    Pool pool;

    /** A tax appeal, dispatched to TAX on intake, its handling clock running. */
    private String taxAppeal() {
        return given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
    }

    /** TAX's history: thirty appeals answered within about a day of dispatch, over the last weeks. */
    @BeforeEach
    void answeredHistory() {
        for (int i = 0; i < 30; i++) {
            long id = db.id(taxAppeal());
            db.execute("UPDATE appeal_clock SET started_at = now() - make_interval(days => $2), "
                    + "stopped_at = now() - make_interval(days => $2) + interval '20 hours' "
                    + "WHERE appeal_id = $1 AND clock = 'HANDLE'", id, 3 + i);
        }
    }

    private void handlingStartedDaysAgo(String trackingNo, int days, Duration dueIn) {
        db.execute("UPDATE appeal_clock SET started_at = now() - make_interval(days => $2), "
                + "due_at = now() + make_interval(secs => $3) WHERE appeal_id = $1 AND clock = 'HANDLE'",
                db.id(trackingNo), days, (double) dueIn.toSeconds());
    }

    private double storedRisk(String trackingNo) {
        return Double.parseDouble(db.string("SELECT miss_probability::text FROM appeal_risk WHERE appeal_id = $1",
                db.id(trackingNo)));
    }

    @Test
    void an_appeal_long_open_with_its_deadline_near_is_at_risk_and_a_fresh_one_is_not() {
        String late = taxAppeal();
        handlingStartedDaysAgo(late, 14, Duration.ofHours(2));
        String fresh = taxAppeal();

        int written = risks.refresh().await().atMost(PATIENCE);

        assertThat(written).isGreaterThanOrEqualTo(2);
        assertThat(storedRisk(late)).isGreaterThanOrEqualTo(risks.expectedLateAt());
        assertThat(storedRisk(fresh)).isLessThan(0.2);
        assertThat(db.count("SELECT count(*) FROM appeal_risk r JOIN appeal_clock c ON c.appeal_id = r.appeal_id "
                + "AND c.clock = 'HANDLE' AND c.stopped_at IS NULL WHERE r.appeal_id = $1 AND r.handle_due_at = c.due_at",
                db.id(late))).isEqualTo(1);
    }

    @Test
    void an_assignment_never_waits_for_the_refresh_holding_its_risk_row_and_the_next_refresh_copies_its_holder() {
        String trackingNo = taxAppeal();
        risks.refresh().await().atMost(PATIENCE);
        long id = db.id(trackingNo);
        assertThat(db.string("SELECT coalesce(assignee, '-') FROM appeal_risk WHERE appeal_id = $1", id)).isEqualTo("-");

        // a refresh's transaction holds the row it has written until it commits
        SqlConnection refreshing = pool.getConnection().await().atMost(PATIENCE);
        try {
            Transaction tx = refreshing.begin().await().atMost(PATIENCE);
            refreshing.preparedQuery("SELECT 1 FROM appeal_risk WHERE appeal_id = $1 FOR UPDATE").execute(Tuple.of(id))
                    .await().atMost(PATIENCE);
            db.execute("UPDATE appeal SET assignee = 'commissioner-tax', assigned_at = now() WHERE id = $1", id);
            assertThat(db.string("SELECT coalesce(assignee, '-') FROM appeal_risk WHERE appeal_id = $1", id)).isEqualTo("-");
            tx.rollback().await().atMost(PATIENCE);
        } finally {
            refreshing.close().await().atMost(PATIENCE);
        }

        risks.refresh().await().atMost(PATIENCE);
        assertThat(db.string("SELECT assignee FROM appeal_risk WHERE appeal_id = $1", id)).isEqualTo("commissioner-tax");
        db.execute("UPDATE appeal SET assignee = NULL WHERE id = $1", id);
        assertThat(db.string("SELECT coalesce(assignee, '-') FROM appeal_risk WHERE appeal_id = $1", id)).isEqualTo("-");
    }

    @Test
    void a_refresh_gives_a_new_risk_its_appeals_holder_and_mends_a_copy_gone_wrong() {
        long claimed = db.id(taxAppeal());
        long assigned = db.id(taxAppeal());
        db.execute("UPDATE appeal SET assignee = 'commissioner-tax', claim_expires_at = now() + interval '1 hour' "
                + "WHERE id = $1", claimed);
        db.execute("UPDATE appeal SET assignee = 'commissioner-tax', assigned_at = now() WHERE id = $1", assigned);

        risks.refresh().await().atMost(PATIENCE);
        assertThat(db.string("SELECT assignee FROM appeal_risk WHERE appeal_id = $1", claimed)).isEqualTo("commissioner-tax");
        assertThat(holderCopyMatches(claimed)).isTrue();
        assertThat(holderCopyMatches(assigned)).isTrue();

        db.tamper("UPDATE appeal_risk SET assignee = 'someone-else', claim_expires_at = NULL WHERE appeal_id = " + claimed);
        db.tamper("UPDATE appeal_risk SET assignee = NULL WHERE appeal_id = " + assigned);
        assertThat(holderCopyMatches(claimed)).isFalse();
        assertThat(holderCopyMatches(assigned)).isFalse();
        risks.refresh().await().atMost(PATIENCE);
        assertThat(holderCopyMatches(claimed)).isTrue();
        assertThat(holderCopyMatches(assigned)).isTrue();
    }

    private boolean holderCopyMatches(long appealId) {
        return db.count("SELECT count(*) FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id WHERE r.appeal_id = $1 "
                + "AND r.assignee IS NOT DISTINCT FROM a.assignee AND r.claim_expires_at IS NOT DISTINCT FROM a.claim_expires_at",
                appealId) == 1;
    }

    @Test
    void an_answered_appeal_loses_its_risk_at_the_next_refresh() {
        String trackingNo = taxAppeal();
        risks.refresh().await().atMost(PATIENCE);
        assertThat(db.count("SELECT count(*) FROM appeal_risk WHERE appeal_id = $1", db.id(trackingNo))).isEqualTo(1);

        db.execute("UPDATE appeal_clock SET stopped_at = now() WHERE appeal_id = $1 AND clock = 'HANDLE'", db.id(trackingNo));
        risks.refresh().await().atMost(PATIENCE);

        assertThat(db.count("SELECT count(*) FROM appeal_risk WHERE appeal_id = $1", db.id(trackingNo))).isZero();
    }

    @Test
    void the_expected_late_list_shows_the_district_every_unit_and_a_unit_only_its_own() {
        String late = taxAppeal();
        handlingStartedDaysAgo(late, 14, Duration.ofHours(2));
        String overdue = taxAppeal();
        handlingStartedDaysAgo(overdue, 14, Duration.ofHours(-2));
        risks.refresh().await().atMost(PATIENCE);

        List<Map<String, Object>> district = expectedLate(Appeals.tokenFor("district-leader"), "TAX");
        assertThat(district).extracting(a -> a.get("trackingNo")).contains(late).doesNotContain(overdue);
        Map<String, Object> line = district.stream().filter(a -> late.equals(a.get("trackingNo"))).findFirst().orElseThrow();
        assertThat(line.get("unitCode")).isEqualTo("TAX");
        assertThat(((Number) line.get("breachRisk")).doubleValue()).isGreaterThanOrEqualTo(risks.expectedLateAt());

        assertThat(expectedLate(Appeals.tokenFor("commissioner-tax"), null)).extracting(a -> a.get("trackingNo")).contains(late);
        // another unit's commissioner asks for TAX and gets their own unit's list
        assertThat(expectedLate(Appeals.tokenFor("commissioner-samr"), "TAX")).extracting(a -> a.get("trackingNo"))
                .doesNotContain(late);
        given().auth().oauth2(Appeals.tokenFor("enterprise-demo")).get("/api/v1/risk/expected-late").then().statusCode(403);
        given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("limit", 0)
                .get("/api/v1/risk/expected-late").then().statusCode(400);
    }

    @Test
    void the_work_queue_carries_each_appeal_s_risk_and_pages_riskiest_first() {
        String late = taxAppeal();
        handlingStartedDaysAgo(late, 14, Duration.ofHours(2));
        String fresh = taxAppeal();
        risks.refresh().await().atMost(PATIENCE);
        String tax = Appeals.tokenFor("commissioner-tax");

        List<Map<String, Object>> whole = given().auth().oauth2(tax).queryParam("sort", "risk").queryParam("limit", 200)
                .get("/api/v1/workqueue").then().statusCode(200).extract().jsonPath().getList("");
        List<Object> order = whole.stream().map(item -> item.get("trackingNo")).toList();
        // the suite leaves many open TAX appeals: the fresh one may lie past this page, but never before the late one
        assertThat(order.indexOf(late)).isNotNegative();
        assertThat(order.indexOf(fresh)).satisfiesAnyOf(at -> assertThat(at).isNegative(),
                at -> assertThat(at).isGreaterThan(order.indexOf(late)));
        assertThat(storedRisk(fresh)).isLessThan(storedRisk(late));
        List<Double> shown = whole.stream().map(item -> item.get("breachRisk"))
                .map(risk -> risk == null ? -1.0 : ((Number) risk).doubleValue()).toList();
        assertThat(shown).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // the same order page by page, through the keyset
        List<Object> paged = new java.util.ArrayList<>();
        String afterRisk = null;
        Object afterId = null;
        while (paged.size() < Math.min(order.size(), 12)) {
            var request = given().auth().oauth2(tax).queryParam("sort", "risk").queryParam("limit", 4);
            if (afterId != null) {
                request.queryParam("afterRisk", afterRisk).queryParam("afterId", afterId);
            }
            List<Map<String, Object>> page = request.get("/api/v1/workqueue").then().statusCode(200).extract().jsonPath()
                    .getList("");
            assertThat(page).isNotEmpty();
            page.forEach(item -> paged.add(item.get("trackingNo")));
            Map<String, Object> last = page.get(page.size() - 1);
            afterRisk = last.get("breachRisk") == null ? "none" : last.get("breachRisk").toString();
            afterId = last.get("appealId");
        }
        assertThat(paged).isEqualTo(order.subList(0, paged.size()));

        given().auth().oauth2(tax).queryParam("sort", "riskiest").get("/api/v1/workqueue").then().statusCode(400);
        given().auth().oauth2(tax).queryParam("sort", "risk").queryParam("afterRisk", "7").get("/api/v1/workqueue")
                .then().statusCode(400);
    }

    @Test
    void the_work_queue_page_shows_the_risk_column_and_marks_an_appeal_expected_late() {
        String late = taxAppeal();
        handlingStartedDaysAgo(late, 14, Duration.ofHours(2));
        risks.refresh().await().atMost(PATIENCE);

        String html = given().cookie("huiyin_token", Appeals.tokenFor("commissioner-tax")).queryParam("sort", "risk")
                .get("/workqueue").then().statusCode(200).extract().asString();

        assertThat(html).contains("风险 ↓");
        String row = html.substring(html.indexOf("data-tracking-no=\"" + late + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("预计超时").containsPattern("<td class=\"risk\">\\d{1,3}%");
    }

    @Test
    void the_leaders_dashboard_counts_and_lists_the_appeals_expected_late_in_the_leader_s_scope() {
        String late = taxAppeal();
        handlingStartedDaysAgo(late, 14, Duration.ofHours(2));
        risks.refresh().await().atMost(PATIENCE);

        String district = given().cookie("huiyin_token", Appeals.tokenFor("district-leader")).queryParam("unit", "TAX")
                .get("/leader/metrics").then().statusCode(200).extract().asString();
        String units = section(district, "expected-late-units");
        assertThat(units).contains("税务").doesNotContain("当前没有预计超时的诉求");
        assertThat(section(district, "expected-late-list")).contains(late);

        String samrLeader = given().cookie("huiyin_token", Appeals.tokenFor("leader-samr")).get("/leader/metrics")
                .then().statusCode(200).extract().asString();
        assertThat(section(samrLeader, "expected-late-list")).doesNotContain(late);
        assertThat(section(samrLeader, "expected-late-units")).doesNotContain("税务");
    }

    /** The table with this id, as the page has it. */
    private static String section(String html, String id) {
        String from = html.substring(html.indexOf("id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</table>"));
    }

    private static List<Map<String, Object>> expectedLate(String token, String unit) {
        var request = given().auth().oauth2(token).queryParam("limit", 200);
        if (unit != null) {
            request.queryParam("unit", unit);
        }
        return request.get("/api/v1/risk/expected-late").then().statusCode(200).extract().jsonPath().getList("appeals");
    }
}
