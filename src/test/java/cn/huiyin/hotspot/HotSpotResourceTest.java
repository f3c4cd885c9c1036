package cn.huiyin.hotspot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GET /api/v1/hotspots} and {@code /api/v1/hotspots/{id}}: three enterprises' appeals about one problem make a
 * hot spot with its size, enterprises, trend and appeals; the district centre sees it whole, the leader of the unit
 * handling them sees it with the unit's appeals, another unit's leader does not see it, and others may not ask.
 */
@QuarkusTest
class HotSpotResourceTest {

    /** 专利年费: paid, yet shown as owed — in three enterprises' words. */
    private static final String[][] ANNUAL_FEES = {
        { "专利年费显示欠缴", "我司已经按时缴纳了发明专利年费，但专利业务办理系统仍显示年费欠缴，担心专利权失效，请知识产权部门核实。" },
        { "已缴专利年费仍提示欠费", "我们公司今年的专利年费早已缴纳，专利业务办理系统却一直显示年费欠缴并提示滞纳金，请帮忙核实处理。" },
        { "专利年费缴了还显示未缴", "公司发明专利年费已缴纳并有缴费凭证，专利业务办理系统仍提示年费欠缴，怕影响专利权，请尽快核实。" } };

    @Inject
    HotSpotFixture fixture;

    @Inject
    Database db;

    private static List<String> filed;

    @BeforeEach
    void threeEnterprisesRaiseOneProblem() {
        if (filed == null) {
            filed = fixture.file("IP", ANNUAL_FEES);
            fixture.file("IP", new String[][] { { "商标异议咨询", "我司的商标注册申请被他人提出异议，想咨询答辩的期限和需要准备的证据材料。" } });
        }
        fixture.refresh();
    }

    private long hotSpot() {
        long id = fixture.hotSpotOf(filed.get(0));
        assertThat(id).as("the three appeals make a hot spot").isPositive();
        return id;
    }

    @Test
    void the_district_sees_the_hot_spot_with_its_size_enterprises_trend_and_appeals() {
        long id = hotSpot();
        Map<String, Object> spot = given().auth().oauth2(Appeals.tokenFor("district-leader")).get("/api/v1/hotspots/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");

        assertThat(spot.get("appealCount")).isEqualTo(3);
        assertThat(spot.get("enterprises")).isEqualTo(3);
        assertThat(spot.get("category")).isEqualTo("IP");
        assertThat(spot.get("lastWeek")).isEqualTo(3);
        assertThat(spot.get("weekBefore")).isEqualTo(0);
        assertThat(spot.get("trend")).isEqualTo("RISING");
        assertThat(spot.get("trendArrow")).isEqualTo("↑");
        assertThat((String) spot.get("label")).isIn(ANNUAL_FEES[0][0], ANNUAL_FEES[1][0], ANNUAL_FEES[2][0]);
        List<Map<String, Object>> appeals = castList(spot.get("appeals"));
        assertThat(appeals).extracting(a -> a.get("trackingNo")).containsExactlyInAnyOrderElementsOf(filed);
        assertThat(appeals).allSatisfy(a -> {
            assertThat((String) a.get("enterpriseName")).startsWith("广州热点测试企业");
            assertThat(a.get("status")).isIn("DISPATCHED", "ACCEPTED");
            assertThat(a.get("handlingUnit")).isEqualTo("SAMR");
            assertThat(a.get("mergeable")).isEqualTo(true);
        });

        List<Map<String, Object>> listed = given().auth().oauth2(Appeals.tokenFor("dispatcher-demo"))
                .queryParam("unit", "SAMR").queryParam("category", "IP").queryParam("limit", 100).get("/api/v1/hotspots")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(listed).extracting(s -> ((Number) s.get("id")).longValue()).contains(id);
    }

    @Test
    void a_unit_leader_sees_the_hot_spots_touching_the_unit_and_another_units_leader_does_not() {
        long id = hotSpot();
        given().auth().oauth2(Appeals.tokenFor("leader-samr")).get("/api/v1/hotspots/" + id).then().statusCode(200)
                .body(containsString(filed.get(0)));
        List<Map<String, Object>> samr = given().auth().oauth2(Appeals.tokenFor("leader-samr")).queryParam("category", "IP")
                .queryParam("limit", 100).get("/api/v1/hotspots").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(samr).extracting(s -> ((Number) s.get("id")).longValue()).contains(id);

        String taxLeader = "hotspot-leader-tax-" + System.nanoTime();
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code) VALUES ($1, '税务局 领导', 'unit-leader', 'TAX')",
                taxLeader);
        String tax = Appeals.tokenFor(taxLeader);
        given().auth().oauth2(tax).get("/api/v1/hotspots/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        List<Map<String, Object>> theirs = given().auth().oauth2(tax).queryParam("limit", 100).get("/api/v1/hotspots")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(theirs).extracting(s -> ((Number) s.get("id")).longValue()).doesNotContain(id);
    }

    @Test
    void others_may_not_ask_and_bad_input_is_a_problem_naming_the_field() {
        hotSpot();
        given().get("/api/v1/hotspots").then().statusCode(401);
        given().auth().oauth2(Appeals.tokenFor("commissioner-samr")).get("/api/v1/hotspots").then().statusCode(403);
        given().auth().oauth2(Appeals.tokenFor("enterprise-demo")).get("/api/v1/hotspots").then().statusCode(403);
        given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("limit", 0).get("/api/v1/hotspots")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("limit"));
        given().auth().oauth2(Appeals.tokenFor("district-leader")).get("/api/v1/hotspots/999999999999").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object list) {
        return (List<Map<String, Object>>) list;
    }
}
