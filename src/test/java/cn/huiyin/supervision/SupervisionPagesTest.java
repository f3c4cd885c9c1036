package cn.huiyin.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The desk and the unit leader's orders as staff use them in a browser: Chinese pages, forms that post and redirect. */
@QuarkusTest
class SupervisionPagesTest {

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    @Inject
    BreachRisks risks;

    private String overdueAppeal() {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        db.execute("UPDATE sla_timer SET due_at = now() - interval '2 days' WHERE appeal_id = $1 "
                + "AND fired_at IS NULL AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')", db.id(trackingNo));
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        return trackingNo;
    }

    private String taxLeaderCookie() {
        return StaffPages.cookieFor(taxLeaderName());
    }

    private String taxLeaderName() {
        String name = "leader-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'unit-leader', 'TAX', false)",
                name, "税务局 领导 " + name);
        return name;
    }

    private static final Pattern NEXT_PAGE = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"");

    /** The appeal's row of the desk page, following 下一页 while it is not on the page. */
    private static String deskRow(String cookie, String trackingNo) {
        String path = "/supervision";
        for (int page = 0; page < 100; page++) {
            String html = StaffPages.get(cookie, path).statusCode(200).extract().asString();
            int at = html.indexOf("<tr data-tracking-no=\"" + trackingNo + "\"");
            if (at >= 0) {
                return html.substring(at, html.indexOf("</tr>", at));
            }
            Matcher next = NEXT_PAGE.matcher(html);
            assertThat(next.find()).as("appeal %s is on the desk", trackingNo).isTrue();
            path = next.group(1);
        }
        throw new AssertionError("the desk never ended");
    }

    /** A desk cursor just before the appeal's breach, so that the page after it starts with the appeal. */
    private String cursorBefore(String trackingNo) {
        long micros = db.count("SELECT (extract(epoch FROM min(due_at)) * 1000000)::bigint FROM escalation "
                + "WHERE appeal_id = $1 AND step = 'OVERDUE'", db.id(trackingNo));
        return (micros - 1) + ".0";
    }

    @Test
    void a_supervisor_issues_an_order_on_the_desk_and_the_units_leader_answers_it_on_theirs() {
        String trackingNo = overdueAppeal();
        String supervisor = StaffPages.cookieFor("district-leader");

        StaffPages.get(supervisor, "/supervision").statusCode(200)
                .body(containsString("督办台"))
                .body(containsString("data-tracking-no=\"" + trackingNo + "\""))
                .body(containsString("<a href=\"/supervision\">督办台</a>"));

        StaffPages.post(supervisor, "/supervision/" + trackingNo + "/orders", "demand", "请说明超时原因及整改措施。",
                "replyWorkingDays", "2").statusCode(303).header("Location", containsString("/supervision?ok=issued"));
        StaffPages.get(supervisor, "/supervision?ok=issued").statusCode(200)
                .body(containsString("已下发督办单"))
                .body(containsString("请说明超时原因及整改措施。"));

        String leader = taxLeaderCookie();
        String orders = StaffPages.get(leader, "/supervision/orders").statusCode(200)
                .body(containsString("data-tracking-no=\"" + trackingNo + "\""))
                .extract().asString();
        long id = db.count("SELECT o.id FROM supervision_order o WHERE o.appeal_id = $1", db.id(trackingNo));
        assertThat(orders).contains("action=\"/supervision/orders/" + id + "/answer\"");

        StaffPages.post(leader, "/supervision/orders/" + id + "/answer", "explanation", "已协调税源管理部门，企业开票问题今日解决。")
                .statusCode(303).header("Location", containsString("/supervision/orders?ok=answered"));
        StaffPages.get(leader, "/supervision/orders?ok=answered").statusCode(200)
                .body(containsString("已提交情况说明"))
                .body(containsString("已协调税源管理部门，企业开票问题今日解决。"))
                .body(not(containsString("action=\"/supervision/orders/" + id + "/answer\"")));
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("ANSWERED");
    }

    @Test
    void the_units_explanation_shows_on_the_desk_once_answered_and_a_new_order_may_be_issued() {
        String trackingNo = overdueAppeal();
        String supervisor = StaffPages.cookieFor("district-leader");
        StaffPages.post(supervisor, "/supervision/" + trackingNo + "/orders", "demand", "请说明超时原因及整改措施。",
                "replyWorkingDays", "2").statusCode(303);
        long id = db.count("SELECT id FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo));
        String name = taxLeaderName();
        StaffPages.post(StaffPages.cookieFor(name), "/supervision/orders/" + id + "/answer", "explanation",
                "已协调税源管理部门，企业开票问题今日解决。").statusCode(303);

        String row = deskRow(supervisor, trackingNo);
        assertThat(row).contains("情况说明（已答复，按时）")
                .contains("已协调税源管理部门，企业开票问题今日解决。")
                .contains("税务局 领导 " + name + " 答复于 ")
                .contains("督办要求：请说明超时原因及整改措施。")
                .contains("data-order-id=\"" + id + "\"")
                .doesNotContain("class=\"order-state\"")
                .contains("action=\"/supervision/" + trackingNo + "/orders");

        StaffPages.post(supervisor, "/supervision/" + trackingNo + "/orders", "demand", "请再次说明办理进展。",
                "replyWorkingDays", "1").statusCode(303);
        assertThat(deskRow(supervisor, trackingNo)).contains("class=\"order-state\"").contains("请再次说明办理进展。")
                .doesNotContain("情况说明（已答复");
    }

    @Test
    void issuing_from_a_later_page_of_the_desk_returns_to_that_page() {
        String trackingNo = overdueAppeal();
        String supervisor = StaffPages.cookieFor("district-leader");
        String after = cursorBefore(trackingNo);
        String action = "/supervision/" + trackingNo + "/orders?after=" + after;
        StaffPages.get(supervisor, "/supervision?after=" + after).statusCode(200)
                .body(containsString("action=\"" + action + "\""));

        // a refused form shows the same page again, with the appeal's line on it
        StaffPages.post(supervisor, action, "demand", "短", "replyWorkingDays", "2").statusCode(422)
                .body(containsString("action=\"" + action + "\""));

        StaffPages.post(supervisor, action, "demand", "请说明超时原因及整改措施。", "replyWorkingDays", "2").statusCode(303)
                .header("Location", endsWith("/supervision?after=" + after + "&ok=issued"));
        StaffPages.get(supervisor, "/supervision?after=" + after + "&ok=issued").statusCode(200)
                .body(containsString("已下发督办单"))
                .body(containsString("data-tracking-no=\"" + trackingNo + "\""))
                .body(containsString("请说明超时原因及整改措施。"));

        // a cursor that is not one is dropped: back to the first page
        String other = overdueAppeal();
        StaffPages.post(supervisor, "/supervision/" + other + "/orders?after=yesterday", "demand", "请说明超时原因。",
                "replyWorkingDays", "2").statusCode(303).header("Location", endsWith("/supervision?ok=issued"));
    }

    @Test
    void bad_forms_show_the_page_again_in_chinese_and_store_nothing() {
        String trackingNo = overdueAppeal();
        String dispatcher = StaffPages.cookieFor("dispatcher-demo");

        StaffPages.post(dispatcher, "/supervision/" + trackingNo + "/orders", "demand", "短", "replyWorkingDays", "十")
                .statusCode(422)
                .body(containsString("督办要求须为5至1000字"))
                .body(containsString("答复期限须为1至10个工作日"));
        assertThat(db.count("SELECT count(*) FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo))).isZero();

        StaffPages.post(dispatcher, "/supervision/" + trackingNo + "/orders", "demand", "请说明超时原因。", "replyWorkingDays", "1")
                .statusCode(303);
        StaffPages.post(dispatcher, "/supervision/" + trackingNo + "/orders", "demand", "第二份督办单。", "replyWorkingDays", "1")
                .statusCode(409).body(containsString("该诉求已有一份待答复的督办单"));

        long id = db.count("SELECT id FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo));
        StaffPages.post(taxLeaderCookie(), "/supervision/orders/" + id + "/answer", "explanation", "太短")
                .statusCode(422).body(containsString("情况说明须为10至2000字"));
        StaffPages.post(StaffPages.cookieFor("leader-samr"), "/supervision/orders/" + id + "/answer", "explanation",
                "不是本单位的督办单，但说明足够长。").statusCode(404).body(containsString("未找到该诉求或督办单"));
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("OPEN");
    }

    private static final Pattern RISK = Pattern.compile("<td class=\"risk\">(\\d{1,3})%</td>");

    @Test
    void the_desk_lists_the_appeals_expected_late_riskiest_first_below_the_late_ones() {
        AtRisk.Scene scene = AtRisk.scene(db, overdueAppeal());
        String riskier = scene.riskier();
        String lesser = scene.lesser();
        String overdue = scene.overdue();
        String onDesk = scene.onDesk();
        String holder = StaffPages.newCommissioner(db, "TAX");
        db.execute("UPDATE appeal SET assignee = $1 WHERE tracking_no = $2", holder, riskier);
        risks.refresh().await().atMost(Duration.ofSeconds(30));
        AtRisk.storeRisk(db, lesser, 0.7);
        // the page shows the riskiest few only: other tests' risky appeals would crowd these out
        Long[] ours = { db.id(riskier), db.id(lesser), db.id(overdue), db.id(onDesk) };
        db.execute("DELETE FROM appeal_risk WHERE appeal_id <> ALL($1)", (Object) ours);

        String html = StaffPages.get(StaffPages.cookieFor("district-leader"), "/supervision").statusCode(200)
                .extract().asString();

        assertThat(html.indexOf("id=\"expected-late\"")).isGreaterThan(html.indexOf("id=\"late-appeals\""));
        assertThat(html).contains("超时概率 ≥ 60% 的在办诉求，尚未超时");
        String list = table(html, "expected-late");
        assertThat(list).contains("data-tracking-no=\"" + riskier + "\"").contains("data-tracking-no=\"" + lesser + "\"")
                .doesNotContain(overdue).doesNotContain(onDesk);
        assertThat(list.indexOf(riskier)).isLessThan(list.indexOf(lesser));
        List<Integer> percents = new ArrayList<>();
        Matcher risk = RISK.matcher(list);
        while (risk.find()) {
            percents.add(Integer.parseInt(risk.group(1)));
        }
        assertThat(percents).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b, a))
                .allSatisfy(percent -> assertThat(percent).isGreaterThanOrEqualTo(60));

        String row = list.substring(list.indexOf("data-tracking-no=\"" + riskier + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        String dueInBeijing = db.string("SELECT to_char(handle_due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') "
                + "FROM appeal_risk WHERE appeal_id = $1", db.id(riskier));
        assertThat(row).contains("专员 " + holder).contains("<td>" + dueInBeijing + "</td>")
                .containsPattern("<td class=\"risk\">\\d{1,3}%</td>");
        String lesserRow = list.substring(list.indexOf("data-tracking-no=\"" + lesser + "\""));
        assertThat(lesserRow.substring(0, lesserRow.indexOf("</tr>"))).contains("<td class=\"risk\">70%</td>");
        // the late one is where late appeals are
        assertThat(table(html, "late-appeals")).doesNotContain(riskier);
        assertThat(deskRow(StaffPages.cookieFor("district-leader"), onDesk)).isNotEmpty();
    }

    /** The table with this id, as the page has it. */
    private static String table(String html, String id) {
        String from = html.substring(html.indexOf("id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</table>"));
    }

    @Test
    void each_page_opens_only_to_its_roles() {
        given().accept("text/html").redirects().follow(false).get("/supervision").then().statusCode(303)
                .header("Location", equalTo("/signin?to=%2Fsupervision"));
        given().cookie("huiyin_token", StaffPages.cookieFor("leader-samr")).accept("text/html").get("/supervision")
                .then().statusCode(403);
        given().cookie("huiyin_token", StaffPages.cookieFor("dispatcher-demo")).accept("text/html").get("/supervision/orders")
                .then().statusCode(403);
        StaffPages.get(StaffPages.cookieFor("commissioner-tax"), "/supervision").statusCode(403);
        StaffPages.get(StaffPages.cookieFor("dispatcher-demo"), "/supervision").statusCode(200);
        StaffPages.get(StaffPages.cookieFor("leader-samr"), "/supervision/orders").statusCode(200).body(containsString("督办单"));
    }
}
