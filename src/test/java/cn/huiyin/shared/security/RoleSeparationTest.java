package cn.huiyin.shared.security;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The separated duties of MLPS 2.0 level 3 over HTTP: the auditor (安全审计员) reads the audit records and changes
 * nothing; the system administrator (管理员) no longer reads the reveal log; the security administrator (安全管理员)
 * keeps staff identities and nothing of the administrator's.
 */
@QuarkusTest
class RoleSeparationTest {

    private static final String CATEGORY = "TAX_SERVICE";

    @Inject
    Database db;

    /** A staff member of this test's own, off duty so that no appeal goes to them. */
    private String staff;

    @BeforeEach
    void aStaffMemberOfOurOwn() {
        staff = "separation-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'commissioner', 'TAX', false)",
                staff, "分权测试 " + staff.substring(11));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Appeals.tokenFor(user)).contentType(ContentType.JSON);
    }

    private static String submitted() {
        return given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202).extract().path("trackingNo");
    }

    @Test
    void the_auditor_reads_the_reveal_log_and_the_audit_trails() {
        String trackingNo = submitted();

        as("auditor").get("/api/v1/admin/personal-data-reveals").then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
        get(cookieFor("auditor"), "/admin/reveals").statusCode(200).body(containsString("个人信息查看记录"))
                .body(containsString("<span id=\"who-role\">安全审计员</span>"));
        as("auditor").get("/api/v1/admin/catalogue/" + CATEGORY + "/history").then().statusCode(200)
                .body("[0].category", equalTo(CATEGORY));
        as("auditor").get("/api/v1/admin/clock-rules/history?clock=HANDLE").then().statusCode(200)
                .body("[0].clock", equalTo("HANDLE"));
        as("auditor").get("/api/v1/appeals/" + trackingNo + "/integrity").then().statusCode(200)
                .body("intact", equalTo(true));
        as("auditor").get("/api/v1/supervision/escalated").then().statusCode(200);
    }

    @Test
    void the_auditor_changes_nothing() {
        String trackingNo = submitted();
        long catalogueVersions = db.count("SELECT count(*) FROM catalogue_version");
        long clockRules = db.count("SELECT count(*) FROM clock_rule");
        long orders = db.count("SELECT count(*) FROM supervision_order");
        long reveals = db.count("SELECT count(*) FROM personal_data_reveal");

        as("auditor").body(Map.of("name", "纳税服务", "unitRule", "TAX", "reason", "审计员试图修改目录"))
                .put("/api/v1/admin/catalogue/" + CATEGORY).then().statusCode(403);
        as("auditor").body(Map.of("clock", "HANDLE", "amount", 3, "unit", "WORKING_DAYS", "effectiveFrom", "2031-01-01",
                "reason", "审计员试图修改时限")).post("/api/v1/admin/clock-rules").then().statusCode(403);
        as("auditor").body(Map.of("mobile", "13900139000")).put("/api/v1/admin/staff/" + staff + "/mobile").then().statusCode(403);
        as("auditor").body(Map.of("wecomUserId", "Auditor")).put("/api/v1/admin/staff/" + staff + "/wecom").then().statusCode(403);
        as("auditor").body(Map.of("demand", "请说明逾期原因并限期办结", "replyWorkingDays", 3))
                .post("/api/v1/supervision/" + trackingNo + "/orders").then().statusCode(403);
        as("auditor").body(Map.of("field", "contactMobile", "purpose", "审计抽查"))
                .post("/api/v1/appeals/" + trackingNo + "/personal-data").then().statusCode(403);
        as("auditor").body(Map.of("onDuty", true)).put("/api/v1/admin/staff/" + staff + "/duty").then().statusCode(403);
        as("auditor").post("/api/v1/sla/recompute").then().statusCode(403);
        // nor the administrator's pages, which carry the same forms
        get(cookieFor("auditor"), "/admin/catalogue").statusCode(403);
        get(cookieFor("auditor"), "/admin/staff").statusCode(403);

        assertThat(db.count("SELECT count(*) FROM catalogue_version")).isEqualTo(catalogueVersions);
        assertThat(db.count("SELECT count(*) FROM clock_rule")).isEqualTo(clockRules);
        assertThat(db.count("SELECT count(*) FROM supervision_order")).isEqualTo(orders);
        assertThat(db.count("SELECT count(*) FROM personal_data_reveal")).isEqualTo(reveals);
        assertThat(db.string("SELECT coalesce(mobile, 'none') || '/' || coalesce(wecom_user_id, 'none') FROM staff_member WHERE username = $1",
                staff)).isEqualTo("none/none");
    }

    @Test
    void the_administrator_no_longer_reads_the_reveal_log_nor_sets_staff_identities() {
        as("admin").get("/api/v1/admin/personal-data-reveals").then().statusCode(403);
        get(cookieFor("admin"), "/admin/reveals").statusCode(403);
        as("admin").body(Map.of("mobile", "13900139000")).put("/api/v1/admin/staff/" + staff + "/mobile").then().statusCode(403);
        as("admin").body(Map.of("wecomUserId", "ByAdmin")).put("/api/v1/admin/staff/" + staff + "/wecom").then().statusCode(403);
        // the settings stay theirs
        as("admin").get("/api/v1/admin/catalogue/" + CATEGORY + "/history").then().statusCode(200);
    }

    @Test
    void the_security_administrator_keeps_staff_identities_and_nothing_of_the_administrators() {
        as("security-admin").body(Map.of("wecomUserId", "Sep" + staff.substring(11))).put("/api/v1/admin/staff/" + staff + "/wecom")
                .then().statusCode(200).body("username", equalTo(staff));
        as("security-admin").body(Map.of("mobile", "13900139000")).put("/api/v1/admin/staff/" + staff + "/mobile")
                .then().statusCode(200).body("mobile", equalTo("139****9000"));
        assertThat(db.string("SELECT mobile FROM staff_member WHERE username = $1", staff)).isEqualTo("13900139000");

        as("security-admin").get("/api/v1/admin/personal-data-reveals").then().statusCode(403);
        as("security-admin").get("/api/v1/admin/catalogue/" + CATEGORY + "/history").then().statusCode(403);
        as("security-admin").get("/api/v1/admin/clock-rules").then().statusCode(403);
        as("security-admin").body(Map.of("name", "纳税服务", "unitRule", "TAX", "reason", "安全管理员试图修改目录"))
                .put("/api/v1/admin/catalogue/" + CATEGORY).then().statusCode(403);
        as("security-admin").body(Map.of("onDuty", false)).put("/api/v1/admin/staff/" + staff + "/duty").then().statusCode(403);
        as("security-admin").get("/api/v1/metrics/summary").then().statusCode(403);
        String cookie = cookieFor("security-admin");
        for (String page : new String[] { "/admin/catalogue", "/admin/staff", "/admin/key-enterprises", "/admin/reveals",
                "/leader/metrics" }) {
            get(cookie, page).statusCode(403);
        }
        get(cookie, "/sla").statusCode(200).body(containsString("<span id=\"who-role\">安全管理员</span>"));
    }
}
