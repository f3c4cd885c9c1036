package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Duty rosters and key enterprises' commissioners are kept through the API, by those allowed to. */
@QuarkusTest
class AssignmentAdminTest {

    @Inject
    Database db;

    private String commissioner(String unit) {
        String name = "c-" + unit.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        // off duty until a test puts them on: a stray on-duty commissioner would take other tests' appeals
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, '专员', 'commissioner', $2, false)",
                name, unit);
        return name;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Appeals.tokenFor(user)).contentType(ContentType.JSON);
    }

    @Test
    void a_unit_leader_sets_duty_in_their_unit_only_and_an_administrator_anywhere() {
        String samr = commissioner("SAMR");
        String tax = commissioner("TAX");
        as("leader-samr").body(Map.of("onDuty", true)).put("/api/v1/admin/staff/" + samr + "/duty").then().statusCode(200)
                .body("onDuty", equalTo(true));
        as("leader-samr").body(Map.of("onDuty", true)).put("/api/v1/admin/staff/" + tax + "/duty").then().statusCode(404);
        as("leader-samr").body(Map.of()).put("/api/v1/admin/staff/" + samr + "/duty").then().statusCode(400)
                .body("field", equalTo("onDuty"));
        as("commissioner-samr").body(Map.of("onDuty", true)).put("/api/v1/admin/staff/" + samr + "/duty").then().statusCode(403);
        assertThat(db.string("SELECT on_duty::text FROM staff_member WHERE username = $1", tax)).isEqualTo("false");
        as("admin").body(Map.of("onDuty", true)).put("/api/v1/admin/staff/" + tax + "/duty").then().statusCode(200);
        assertThat(db.string("SELECT on_duty::text FROM staff_member WHERE username = $1", tax)).isEqualTo("true");
        // off duty for good: other tests count on the demo commissioners being the only ones on duty in SAMR and TAX
        db.execute("UPDATE staff_member SET on_duty = false WHERE username IN ($1, $2)", samr, tax);
    }

    @Test
    void an_administrator_names_a_key_enterprises_commissioner_and_backup_from_that_unit() {
        String named = commissioner("ECO");
        String backup = commissioner("ECO");
        String elsewhere = commissioner("EMG");
        String uscc = Usccs.random();
        db.execute("INSERT INTO enterprise (uscc, name, key_enterprise) VALUES ($1, '重点企业', true)", uscc);
        String plain = Usccs.random();
        db.execute("INSERT INTO enterprise (uscc, name, key_enterprise) VALUES ($1, '普通企业', false)", plain);

        as("admin").body(Map.of("commissioner", named, "backup", elsewhere))
                .put("/api/v1/admin/key-enterprises/" + uscc + "/commissioners/ECO").then().statusCode(400).body("field", equalTo("backup"));
        as("admin").body(Map.of("commissioner", named)).put("/api/v1/admin/key-enterprises/" + plain + "/commissioners/ECO").then()
                .statusCode(400).body("field", equalTo("uscc"));
        as("dispatcher-demo").body(Map.of("commissioner", named))
                .put("/api/v1/admin/key-enterprises/" + uscc + "/commissioners/ECO").then().statusCode(403);
        as("admin").body(Map.of("commissioner", named, "backup", backup))
                .put("/api/v1/admin/key-enterprises/" + uscc + "/commissioners/ECO").then().statusCode(200);

        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("uscc", uscc);
        String no = given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
        as("admin").get("/api/v1/admin/key-enterprises/" + uscc + "/commissioners").then().statusCode(200)
                .body("[0].commissioner", equalTo(named)).body("[0].backup", equalTo(backup));
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", no)).isEqualTo("ECO");

        // naming again replaces the pair: the backup becomes the commissioner, with no backup of their own
        as("admin").body(Map.of("commissioner", backup)).put("/api/v1/admin/key-enterprises/" + uscc + "/commissioners/ECO")
                .then().statusCode(200);
        as("admin").get("/api/v1/admin/key-enterprises/" + uscc + "/commissioners").then().statusCode(200)
                .body("commissioner", contains(backup)).body("[0].backup", nullValue());
    }
}
