package cn.huiyin.routing.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The activation job on its own schedule: a change dated a few seconds ahead comes into force by itself, and a
 * category new to the catalogue is listed last. The lines carry no keywords, so the classifier learns nothing here.
 */
@QuarkusTest
@TestProfile(CatalogueActivationJobTest.ActivationOn.class)
class CatalogueActivationJobTest {

    public static class ActivationOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.routing.catalogue-activation-every", "1s");
        }
    }

    @Inject
    Database db;

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Appeals.tokenFor("admin")).contentType(ContentType.JSON);
    }

    private static Map<String, Object> line(String unitRule, Instant effectiveFrom, String reason) {
        Map<String, Object> line = new HashMap<>();
        line.put("name", "定时生效测试");
        line.put("unitRule", unitRule);
        line.put("reason", reason);
        if (effectiveFrom != null) {
            line.put("effectiveFrom", effectiveFrom.toString());
        }
        return line;
    }

    @Test
    void a_change_dated_ahead_comes_into_force_when_its_time_comes() {
        String category = "JOB_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        asAdmin().body(line("COM", null, "新增")).put("/api/v1/admin/catalogue/" + category).then().statusCode(200);
        given().get("/api/v1/catalogue/categories").then().statusCode(200).body("code[-1]", equalTo(category));

        asAdmin().body(line("FIN", Instant.now().plusSeconds(3), "三秒后改由金融部门承办"))
                .put("/api/v1/admin/catalogue/" + category).then().statusCode(200).body("appliedAt", nullValue());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                db.string("SELECT unit_rule FROM dispatch_category WHERE code = $1", category)).isEqualTo("FIN"));
        assertThat(db.count("SELECT count(*) FROM catalogue_version WHERE category = $1 AND applied_at IS NULL", category))
                .isZero();
    }
}
