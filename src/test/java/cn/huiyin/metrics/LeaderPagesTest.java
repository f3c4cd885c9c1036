package cn.huiyin.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.MetricsProjector;
import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard, the drill-down page, the public ranking and the office's spreadsheet, over a unit of six appeals. */
@QuarkusTest
class LeaderPagesTest {

    private static final String MONTH = "2026-04";

    /** How an instant prints when a page forgets to format it: {@code 2026-04-01T01:00:00.123456Z}. */
    private static final String RAW_INSTANT = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z";

    @Inject
    MetricsFixture fixture;

    @Inject
    MetricsProjector projector;

    private String unit;

    @BeforeEach
    void sixRepliedAppeals() {
        unit = fixture.newUnit();
        for (int i = 0; i < 6; i++) {
            Instant received = Instant.parse("2026-04-01T01:00:00Z");
            long id = fixture.appeal(unit, "ST-SHIPAI", "TAX_SERVICE", "EVALUATED", received);
            fixture.clock(id, "RESPOND", received.plusSeconds(600), received.plusSeconds(4200));
            fixture.clock(id, "HANDLE", received.plusSeconds(600), Instant.parse("2026-04-10T10:00:00Z"));
            fixture.event(id, "RECEIVED", received, Map.of("channel", "WEB"));
            fixture.event(id, "DISPATCHED", received.plusSeconds(600), Map.of("unit", unit));
            fixture.event(id, "FIRST_CONTACT", received.plusSeconds(1200 + i * 600), Map.of());
            fixture.event(id, "REPLIED", received.plusSeconds(7200), Map.of("answer", "已答复"));
            fixture.event(id, "RATED", received.plusSeconds(86400), Map.of("round", 1, "level", 5 - i % 3,
                    "resolved", i % 2 == 0, "defaulted", false));
        }
        projector.projectAll().await().indefinitely();
    }

    private static String cookie(String user) {
        return Appeals.tokenFor(user);
    }

    @Test
    void the_dashboard_shows_rates_formulas_links_and_the_trend() {
        String page = given().cookie("huiyin_token", cookie("district-leader")).queryParam("from", "2026-04-01")
                .queryParam("to", "2026-04-30").queryParam("unit", unit).get("/leader/metrics")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("响应率", "解决率", "满意率", "按期办结率", "计算公式", "评价3–5分数 ÷ 参评数")
                .contains("/leader/metrics/drilldown?figure=RESPOND_ON_TIME&amp;from=2026-04-01")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js").contains("2026-04-01");
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        String drill = given().cookie("huiyin_token", cookie("district-leader")).queryParam("figure", "RATED")
                .queryParam("from", "2026-04-01").queryParam("to", "2026-04-30").queryParam("unit", unit)
                .get("/leader/metrics/drilldown").then().statusCode(200).extract().asString();
        assertThat(drill).contains("参评").contains("5分");
    }

    @Test
    void the_dashboard_shows_the_units_supervision_orders_and_its_unsupervised_rate() {
        // a seventh appeal: an order issued, left unanswered until it climbed
        Instant received = Instant.parse("2026-04-02T01:00:00Z");
        long id = fixture.appeal(unit, "ST-SHIPAI", "TAX_SERVICE", "DISPATCHED", received);
        fixture.event(id, "RECEIVED", received, Map.of("channel", "WEB"));
        fixture.event(id, "DISPATCHED", received.plusSeconds(600), Map.of("unit", unit));
        fixture.event(id, "SUPERVISION_ORDER_ISSUED", received.plusSeconds(86400),
                Map.of("orderId", 1, "unit", unit, "replyDueAt", "2026-04-06T10:00:00Z"));
        fixture.event(id, "SUPERVISION_ORDER_CLIMBED", Instant.parse("2026-04-06T10:01:00Z"),
                Map.of("orderId", 1, "to", "DISTRICT_LEADER", "replyDueAt", "2026-04-06T10:00:00Z"));
        projector.projectAll().await().indefinitely();

        String page = given().cookie("huiyin_token", cookie("district-leader")).queryParam("from", "2026-04-01")
                .queryParam("to", "2026-04-30").queryParam("unit", unit).get("/leader/metrics")
                .then().statusCode(200).extract().asString();
        String orders = page.substring(page.indexOf("id=\"supervision\""), page.indexOf("</table>", page.indexOf("id=\"supervision\"")));
        assertThat(orders).contains("<th>被督办</th><th>督办单均按期答复</th><th>督办单升级至区领导</th>")
                .containsPattern("figure=SUPERVISED&amp;[^\"]*\">1</a>")
                .containsPattern("figure=SUPERVISION_ON_TIME&amp;[^\"]*\">0</a>")
                .containsPattern("figure=SUPERVISION_CLIMBED&amp;[^\"]*\">1</a>");
        // 免督办率 = 1 − 1 ÷ 7
        assertThat(page).contains("免督办率", "85.7%", "1 − <a href=");
    }

    @Test
    void the_drilldown_shows_beijing_times_and_chinese_names_not_codes() {
        String drill = given().cookie("huiyin_token", cookie("district-leader")).queryParam("figure", "RATED")
                .queryParam("from", "2026-04-01").queryParam("to", "2026-04-30").queryParam("unit", unit)
                .queryParam("category", "TAX_SERVICE").get("/leader/metrics/drilldown").then().statusCode(200)
                .extract().asString();
        // received 01:00 UTC and replied two hours later: 09:00 and 11:00 in Beijing
        assertThat(drill).contains("<td>2026-04-01 09:00</td><td>2026-04-01 11:00</td>")
                .doesNotContainPattern(RAW_INSTANT)
                .contains("<td>纳税服务(申报、发票、退税、税控)</td><td>网页</td>", "· 纳税服务(申报、发票、退税、税控)")
                .doesNotContain(">TAX_SERVICE<", ">WEB<", "· TAX_SERVICE");
    }

    @Test
    void the_overdue_list_shows_beijing_times() {
        long id = fixture.appeal(unit, "ST-SHIPAI", "TAX_SERVICE", "DISPATCHED", Instant.parse("2026-04-01T01:00:00Z"));
        fixture.clock(id, "HANDLE", Instant.parse("2026-04-01T01:10:00Z"), Instant.parse("2026-04-03T10:00:00Z"));
        fixture.event(id, "RECEIVED", Instant.parse("2026-04-01T01:00:00Z"), Map.of("channel", "PHONE"));
        fixture.event(id, "DISPATCHED", Instant.parse("2026-04-01T01:10:00Z"), Map.of("unit", unit));
        projector.projectAll().await().indefinitely();

        String page = given().cookie("huiyin_token", cookie("district-leader")).queryParam("unit", unit)
                .get("/leader/metrics").then().statusCode(200).extract().asString();
        String overdue = page.substring(page.indexOf("id=\"overdue-list\""), page.indexOf("</table>", page.indexOf("id=\"overdue-list\"")));
        assertThat(overdue).contains("<td>2026-04-01 09:00</td><td>2026-04-03 18:00</td>");
        assertThat(page).doesNotContainPattern(RAW_INSTANT);
    }

    @Test
    void a_unit_leader_sees_their_unit_and_others_see_nothing() {
        given().cookie("huiyin_token", cookie("leader-samr")).get("/leader/metrics").then().statusCode(200)
                .body(containsString("<select name=\"unit\" disabled>"));
        given().cookie("huiyin_token", cookie("leader-samr")).queryParam("unit", unit).get("/leader/metrics")
                .then().statusCode(403);
        given().cookie("huiyin_token", cookie("commissioner-tax")).get("/leader/metrics").then().statusCode(403);
    }

    @Test
    void the_ranking_is_public_and_carries_no_personal_data() {
        String page = given().queryParam("month", MONTH).get("/ranking").then().statusCode(200).extract().asString();
        assertThat(page).contains("诉求办理榜单", "测试单位" + unit, "综合得分", "<th>免督办率</th>")
                .doesNotContain("张三", "138");
        // scores with two decimals (the precision places are decided at), rates in percent with one: the four
        // rates and 免督办率
        String row = page.substring(page.indexOf("测试单位" + unit), page.indexOf("</tr>", page.indexOf("测试单位" + unit)));
        assertThat(row).containsPattern("<td>6</td><td>\\d{1,3}\\.\\d{2}</td>")
                .containsPattern("(<td>(\\d{1,3}\\.\\d%|—)</td>\\s*){5}$");
        // a month without appeals: one line across the header's 4 + 5 columns
        given().queryParam("month", "1999-01").get("/ranking").then().statusCode(200)
                .body(containsString("<td colspan=\"9\">本月暂无数据</td>"));
        List<Map<String, Object>> lines = given().queryParam("month", MONTH).get("/api/v1/rankings").then().statusCode(200)
                .extract().jsonPath().getList("lines");
        Map<String, Object> mine = lines.stream().filter(l -> unit.equals(l.get("code"))).findFirst().orElseThrow();
        assertThat(((Number) mine.get("place")).intValue()).isPositive();
        assertThat(((Number) mine.get("appeals")).intValue()).isEqualTo(6);
        given().queryParam("month", "April").get("/api/v1/rankings").then().statusCode(400);
        // ISO-8601 reads years the database cannot store: a 400 naming the field, not a failed statement
        given().queryParam("month", "-5000-01").get("/api/v1/rankings").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("month"));
        given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("from", "-5000-01-01")
                .queryParam("to", "-4999-12-01").get("/api/v1/metrics/summary").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("to"));
    }

    @Test
    void the_office_gets_a_spreadsheet_that_opens() throws Exception {
        byte[] xlsx = given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("month", MONTH)
                .get("/api/v1/metrics/ranking.xlsx").then().statusCode(200)
                .header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            XSSFSheet units = workbook.getSheetAt(0);
            assertThat(units.getSheetName()).isEqualTo(MONTH + " 单位排名");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo(MONTH + " 街道排名");
            assertThat(units.getRow(0).getCell(4).getStringCellValue()).isEqualTo("综合得分");
            Row mine = null;
            for (Row row : units) {
                if (row.getRowNum() > 0 && unit.equals(row.getCell(1).getStringCellValue())) {
                    mine = row;
                }
            }
            assertThat(mine).as("the unit's line").isNotNull();
            assertThat(mine.getCell(0).getNumericCellValue()).as("its place").isPositive();
            assertThat(mine.getCell(3).getNumericCellValue()).as("its appeals").isEqualTo(6);
            assertThat(mine.getCell(4).getNumericCellValue()).as("its score").isBetween(0.0, 100.0);
        }
        given().queryParam("month", MONTH).get("/api/v1/metrics/ranking.xlsx").then().statusCode(401);
        given().auth().oauth2(Appeals.tokenFor("leader-samr")).get("/api/v1/metrics/ranking.xlsx").then().statusCode(403)
                .body(not(containsString("Exception")));
    }
}
