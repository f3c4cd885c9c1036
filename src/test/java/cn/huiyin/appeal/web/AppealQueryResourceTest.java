package cn.huiyin.appeal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AppealQueryResourceTest {

    @Inject
    Database db;

    private String trackingNo;
    private String queryCode;

    /** A TAX_SERVICE appeal from an enterprise that is not the demo enterprise. */
    @BeforeEach
    void submitOne() {
        var receipt = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract();
        trackingNo = receipt.path("trackingNo");
        queryCode = receipt.path("queryCode");
    }

    @Test
    void the_query_code_opens_the_owner_view_and_a_wrong_code_finds_nothing() {
        given().queryParam("queryCode", queryCode.toLowerCase()).get("/api/v1/appeals/" + trackingNo)
                .then().statusCode(200).body("trackingNo", equalTo(trackingNo));
        given().header("X-Query-Code", "ABCDEFGH").get("/api/v1/appeals/" + trackingNo)
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/appeals/" + trackingNo).then().statusCode(404);
    }

    @Test
    void a_tracking_number_read_aloud_with_spaces_is_understood_and_a_mistyped_one_is_refused() {
        String spoken = trackingNo.substring(0, 6) + " " + trackingNo.substring(6, 12) + " " + trackingNo.substring(12);
        given().header("X-Query-Code", queryCode).pathParam("no", spoken).get("/api/v1/appeals/{no}")
                .then().statusCode(200);
        String mistyped = trackingNo.substring(0, 12) + ((trackingNo.charAt(12) - '0' + 1) % 10);
        given().get("/api/v1/appeals/" + mistyped).then().statusCode(400).body("field", equalTo("trackingNo"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "commissioner-tax,  200",
            "commissioner-samr, 404",
            "leader-samr,       404",
            "enterprise-demo,   404",
            "dispatcher-demo,   200",
            "agent-demo,        200",
            "district-leader,   200",
            "admin,             200",
    })
    void each_role_sees_only_what_it_may(String user, int status) {
        given().auth().oauth2(Appeals.tokenFor(user)).get("/api/v1/appeals/" + trackingNo)
                .then().statusCode(status);
    }

    @Test
    void staff_in_charge_see_who_did_what() {
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + trackingNo)
                .then().statusCode(200)
                .body("timeline[0].actor", equalTo("web:anonymous"))
                .body("timeline[1].actor", equalTo("system:intake"))
                .body("identityState", equalTo("DECLARED"));
    }

    @Test
    void the_event_log_is_append_only() {
        assertThatThrownBy(() -> db.execute(
                "UPDATE appeal_event SET reason = 'edited' WHERE appeal_id = (SELECT id FROM appeal WHERE tracking_no = $1)",
                trackingNo)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.execute(
                "DELETE FROM appeal_event WHERE appeal_id = (SELECT id FROM appeal WHERE tracking_no = $1)",
                trackingNo)).hasMessageContaining("append-only");
    }

    @Test
    void a_modified_event_row_is_detected_by_the_chain_check() {
        String admin = Appeals.tokenFor("admin");
        given().auth().oauth2(admin).get("/api/v1/appeals/" + trackingNo + "/integrity")
                .then().statusCode(200).body("intact", equalTo(true));

        db.tamper("UPDATE appeal_event SET reason = 'catalogue: TAX_SERVICE → SAMR' WHERE seq = 2 AND appeal_id = "
                + "(SELECT id FROM appeal WHERE tracking_no = '" + trackingNo + "')");

        given().auth().oauth2(admin).get("/api/v1/appeals/" + trackingNo + "/integrity")
                .then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo(2))
                .body("problem", notNullValue());
    }

    @Test
    void only_admins_and_district_leaders_may_check_integrity() {
        given().get("/api/v1/appeals/" + trackingNo + "/integrity").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + trackingNo + "/integrity")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void the_catalogue_is_public_and_comes_from_the_seeded_reference_data() {
        var categories = given().get("/api/v1/catalogue/categories").then().statusCode(200).extract()
                .jsonPath().getList("", Map.class);
        assertThat(categories).hasSize(27);
        assertThat(categories.get(0)).containsEntry("code", "BIZ_REG").containsEntry("unitRule", "SAMR");
    }
}
