package cn.huiyin.routing.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.routing.application.CatalogueAdmin;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The dispatch catalogue is changed as data: versioned, audited, effective now or from a date, no deploy. */
@QuarkusTest
class CatalogueAdminTest {

    @Inject
    Database db;

    @Inject
    CatalogueAdmin admin;

    /** As the activation job runs it: on a Vert.x context, where a Hibernate Reactive session can be opened. */
    private int activateDue() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> admin.activateDue());
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Appeals.tokenFor(user)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> line(String unitRule, String reason) {
        Map<String, Object> line = new HashMap<>();
        line.put("name", "跨境电商服务");
        line.put("unitRule", unitRule);
        line.put("keywords", "跨境电商 海外仓 出口退税");
        line.put("reason", reason);
        return line;
    }

    private static String submitIn(String category) {
        return given().contentType(ContentType.JSON).body(Appeals.with("category", category)).post("/api/v1/appeals").then()
                .statusCode(202).extract().path("trackingNo");
    }

    @Test
    void a_new_category_routes_at_once_and_a_change_dated_ahead_takes_effect_when_its_time_comes() throws Throwable {
        String category = "XB_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        as("admin").body(line("COM", "新增跨境电商服务事项")).put("/api/v1/admin/catalogue/" + category).then().statusCode(200)
                .body("appliedAt", notNullValue()).body("changedBy", equalTo("admin:admin"));
        String first = submitIn(category);
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", first)).isEqualTo("COM");
        given().get("/api/v1/catalogue/categories").then().statusCode(200).body("code", hasItem(category));

        Map<String, Object> later = line("FIN", "明年起改由金融服务部门承办");
        later.put("effectiveFrom", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        as("admin").body(later).put("/api/v1/admin/catalogue/" + category).then().statusCode(200).body("appliedAt", nullValue());
        as("admin").get("/api/v1/admin/catalogue/pending").then().statusCode(200).body("category", hasItem(category));
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", submitIn(category))).isEqualTo("COM");

        // the hour passes
        db.execute("ALTER TABLE catalogue_version DISABLE TRIGGER catalogue_version_history");
        db.execute("UPDATE catalogue_version SET effective_from = now() - interval '1 second' WHERE category = $1 AND applied_at IS NULL", category);
        db.execute("ALTER TABLE catalogue_version ENABLE TRIGGER catalogue_version_history");
        assertThat(activateDue()).isGreaterThanOrEqualTo(1);
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", submitIn(category))).isEqualTo("FIN");
        assertThat(activateDue()).isZero();

        as("admin").get("/api/v1/admin/catalogue/" + category + "/history").then().statusCode(200)
                .body("unitRule", contains("COM", "FIN"))
                .body("reason", contains("新增跨境电商服务事项", "明年起改由金融服务部门承办"));
    }

    @Test
    void history_cannot_be_rewritten() {
        String id = db.string("SELECT min(id)::text FROM catalogue_version");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> db.execute("UPDATE catalogue_version SET unit_rule = 'SAMR' WHERE id = $1", Long.parseLong(id)));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> db.execute("DELETE FROM catalogue_version WHERE id = $1", Long.parseLong(id)));
    }

    @Test
    void bad_lines_are_refused_naming_the_field_and_change_nothing() {
        long before = db.count("SELECT count(*) FROM catalogue_version");
        as("admin").body(line("NOWHERE", "原因")).put("/api/v1/admin/catalogue/XB_BAD").then().statusCode(422)
                .body("errors.field", hasItem("unitRule"));
        Map<String, Object> backdated = line("COM", "倒签");
        backdated.put("effectiveFrom", "2025-01-01T00:00:00Z");
        as("admin").body(backdated).put("/api/v1/admin/catalogue/XB_BAD").then().statusCode(422)
                .body("errors.field", hasItem("effectiveFrom"));
        Map<String, Object> farOff = line("COM", "远期");
        farOff.put("effectiveFrom", "+300000-01-01T00:00:00Z"); // ISO-8601 reads it; the database cannot store it
        as("admin").body(farOff).put("/api/v1/admin/catalogue/XB_BAD").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("effectiveFrom"));
        as("admin").body(line("COM", "")).put("/api/v1/admin/catalogue/xb-bad").then().statusCode(422)
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("reason"));
        as("admin").body(line("COM", "原因")).put("/api/v1/admin/catalogue/XB_BAD").then().statusCode(200);
        as("dispatcher-demo").body(line("COM", "越权")).put("/api/v1/admin/catalogue/XB_BAD").then().statusCode(403);
        assertThat(db.count("SELECT count(*) FROM catalogue_version")).isEqualTo(before + 1);
    }
}
