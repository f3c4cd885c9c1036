package cn.huiyin.appeal;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The audit of contact fields shown in full: as JSON and as the auditor's page, filtered by period and unit. */
@QuarkusTest
class RevealAuditTest {

    @Inject
    Database db;

    private static String submit() {
        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("title", "审计测试：废气排放");
        body.put("description", "园区周边企业夜间排放废气，异味明显，影响我司员工正常办公，请环保部门尽快核查处理。");
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    /** A commissioner of ECO of the test's own, with a purpose only this test uses, reveals the mobile. */
    private String revealed(String no, String purpose) {
        String name = "audit-eco-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'commissioner', 'ECO', false)",
                name, "审计专员" + name.substring(10));
        given().auth().oauth2(Appeals.tokenFor(name)).contentType(ContentType.JSON)
                .body(Map.of("field", "contactMobile", "purpose", purpose))
                .post("/api/v1/appeals/" + no + "/personal-data").then().statusCode(200);
        return name;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void the_json_lists_who_saw_what_of_which_appeal_when_and_why_but_never_the_value() {
        String no = submit();
        String purpose = "审计测试-" + UUID.randomUUID();
        String who = revealed(no, purpose);

        String json = given().auth().oauth2(Appeals.tokenFor("auditor")).queryParam("unit", "ECO")
                .get("/api/v1/admin/personal-data-reveals").then().statusCode(200)
                .body("from", equalTo(LocalDate.parse(today()).minusDays(29).toString())).body("to", equalTo(today()))
                .body("unit", equalTo("ECO")).extract().asString();
        assertThat(json).doesNotContain("13800138000");
        List<Map<String, Object>> mine = given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("unit", "ECO")
                .queryParam("from", today()).queryParam("to", today())
                .get("/api/v1/admin/personal-data-reveals").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.purpose == '" + purpose + "' }");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).containsEntry("trackingNo", no).containsEntry("field", "contactMobile")
                .containsEntry("revealedTo", "commissioner:" + who).containsEntry("handlingUnit", "ECO")
                .containsEntry("revealedToUnit", "ECO").containsKey("revealedAt");

        // another unit's filter, or a period before it, leaves it out
        assertThat(given().auth().oauth2(Appeals.tokenFor("auditor")).queryParam("unit", "SAMR")
                .get("/api/v1/admin/personal-data-reveals").then().statusCode(200).extract().asString()).doesNotContain(purpose);
        assertThat(given().auth().oauth2(Appeals.tokenFor("auditor")).queryParam("from", "2020-01-01").queryParam("to", "2020-01-31")
                .get("/api/v1/admin/personal-data-reveals").then().statusCode(200).extract().asString()).doesNotContain(purpose);
    }

    private static List<Map<String, Object>> revealEvents(String no, String username) {
        return given().auth().oauth2(Appeals.tokenFor(username)).get("/api/v1/appeals/" + no).then().statusCode(200)
                .extract().jsonPath().getList("timeline.findAll { it.type == 'PERSONAL_DATA_REVEALED' }");
    }

    @Test
    void the_appeal_timeline_keeps_the_reveal_from_the_administrator_but_not_from_the_district_leader_or_the_unit() {
        String no = submit();
        String purpose = "时间线测试-" + UUID.randomUUID();
        String who = revealed(no, purpose);

        // the administrator sees the appeal and its other internal events, but nothing of who looked and why
        String adminView = given().auth().oauth2(Appeals.tokenFor("admin")).get("/api/v1/appeals/" + no).then().statusCode(200)
                .body("timeline.find { it.type == 'RECEIVED' }.actor", notNullValue())
                .extract().asString();
        assertThat(adminView).doesNotContain("PERSONAL_DATA_REVEALED").doesNotContain("查看联系方式")
                .doesNotContain(purpose).doesNotContain(who);
        assertThat(revealEvents(no, "admin")).isEmpty();
        // the security administrator sees no appeal at all
        given().auth().oauth2(Appeals.tokenFor("security-admin")).get("/api/v1/appeals/" + no).then().statusCode(404);

        // the district leader, who reads the reveal log, and the unit's own commissioner see it as before
        for (String reader : List.of("district-leader", who)) {
            List<Map<String, Object>> seen = revealEvents(no, reader);
            assertThat(seen).as(reader).hasSize(1);
            assertThat(seen.get(0)).as(reader).containsEntry("actor", "commissioner:" + who).containsEntry("reason", purpose)
                    .containsEntry("label", "查看联系方式").containsEntry("visibility", "INTERNAL");
        }
    }

    @Test
    void bad_filters_are_400_naming_the_field_and_other_roles_are_refused() {
        var auditor = Appeals.tokenFor("auditor");
        given().auth().oauth2(auditor).queryParam("from", "2026-13-01").get("/api/v1/admin/personal-data-reveals").then()
                .statusCode(400).contentType(containsString("application/problem+json")).body("field", equalTo("from"));
        given().auth().oauth2(auditor).queryParam("to", "yesterday").get("/api/v1/admin/personal-data-reveals").then()
                .statusCode(400).body("field", equalTo("to"));
        // a period in years the database cannot store passes the order checks: refused by its dates
        given().auth().oauth2(auditor).queryParam("from", "-5000-01-01").queryParam("to", "-5000-01-02")
                .get("/api/v1/admin/personal-data-reveals").then()
                .statusCode(400).contentType(containsString("application/problem+json")).body("field", equalTo("to"));
        given().auth().oauth2(auditor).queryParam("from", "2026-10-02").queryParam("to", "2026-10-01")
                .get("/api/v1/admin/personal-data-reveals").then().statusCode(400).body("field", equalTo("from"));
        given().auth().oauth2(auditor).queryParam("unit", "NOPE").get("/api/v1/admin/personal-data-reveals").then()
                .statusCode(400).body("field", equalTo("unit"));
        given().auth().oauth2(auditor).queryParam("unit", "bad code!").get("/api/v1/admin/personal-data-reveals").then()
                .statusCode(400).body("field", equalTo("unit"));
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/admin/personal-data-reveals").then().statusCode(403);
        // the system administrator's own doings are among what is audited (等保三级): not theirs to read
        given().auth().oauth2(Appeals.tokenFor("admin")).get("/api/v1/admin/personal-data-reveals").then().statusCode(403);
        given().get("/api/v1/admin/personal-data-reveals").then().statusCode(401);
    }

    @Test
    void the_page_shows_the_reveal_in_chinese_and_a_bad_date_is_422() {
        String no = submit();
        String purpose = "审计页面测试-" + UUID.randomUUID();
        String who = revealed(no, purpose);
        String auditor = cookieFor("auditor");

        get(auditor, "/admin/reveals?unit=ECO&from=" + today() + "&to=" + today()).statusCode(200)
                .body(containsString("个人信息查看记录")).body(containsString(purpose)).body(containsString(no))
                .body(containsString("联系电话")).body(containsString("commissioner:" + who))
                .body(not(containsString("13800138000")));
        get(cookieFor("district-leader"), "/admin/reveals").statusCode(200).body(containsString("个人信息查看记录"));
        get(auditor, "/admin/reveals?from=2026-02-30").statusCode(422).body(containsString("起始日期须为有效日期"))
                .body(not(containsString("Exception")));
        get(auditor, "/admin/reveals?unit=NOPE").statusCode(422).body(containsString("请选择有效的承办单位"));
        get(cookieFor("commissioner-tax"), "/admin/reveals").statusCode(403);
        get(cookieFor("admin"), "/admin/reveals").statusCode(403);
        given().redirects().follow(false).get("/admin/reveals").then().statusCode(401);
    }
}
