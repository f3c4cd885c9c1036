package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WorkQueues;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Staff see contact details masked and reveal them only with an audited purpose; helper units (协办) see and note. */
@QuarkusTest
class PersonalDataAndCoHandlingTest {

    @Inject
    Database db;

    private static ExtractableResponse<Response> submit() {
        return given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202).extract();
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Appeals.tokenFor(user));
    }

    @Test
    void staff_see_masked_contacts_and_a_reveal_is_recorded_with_its_purpose() {
        var receipt = submit();
        String no = receipt.path("trackingNo");
        as("commissioner-tax").get("/api/v1/appeals/" + no).then().statusCode(200)
                .body("contactName", equalTo("张*")).body("contactMobile", equalTo("138****8000"));
        given().header("X-Query-Code", (String) receipt.path("queryCode")).get("/api/v1/appeals/" + no).then().statusCode(200)
                .body("contactName", equalTo("张三"));

        as("commissioner-tax").contentType(ContentType.JSON).body(Map.of("field", "contactMobile"))
                .post("/api/v1/appeals/" + no + "/personal-data").then().statusCode(400).body("field", equalTo("purpose"));
        as("commissioner-tax").contentType(ContentType.JSON).body(Map.of("field", "uscc", "purpose", "回访"))
                .post("/api/v1/appeals/" + no + "/personal-data").then().statusCode(400).body("field", equalTo("field"));
        assertThat(db.count("SELECT count(*) FROM personal_data_reveal WHERE appeal_id = $1", db.id(no))).isZero();

        as("commissioner-tax").contentType(ContentType.JSON).body(Map.of("field", "contactMobile", "purpose", "电话联系企业核实情况"))
                .post("/api/v1/appeals/" + no + "/personal-data").then().statusCode(200).body("value", equalTo("13800138000"));
        assertThat(db.string("SELECT revealed_to || '|' || field || '|' || purpose FROM personal_data_reveal WHERE appeal_id = $1",
                db.id(no))).isEqualTo("commissioner:commissioner-tax|contactMobile|电话联系企业核实情况");
        assertThat(db.string("SELECT visibility FROM appeal_event WHERE appeal_id = $1 AND type = 'PERSONAL_DATA_REVEALED'", db.id(no)))
                .isEqualTo("INTERNAL");
        as("district-leader").contentType(ContentType.JSON).body(Map.of("field", "contactName", "purpose", "看看"))
                .post("/api/v1/appeals/" + no + "/personal-data").then().statusCode(403);
    }

    @Test
    void a_helper_unit_sees_the_appeal_in_its_queue_and_notes_it_but_only_the_lead_unit_replies() {
        String no = submit().path("trackingNo");
        as("commissioner-samr").get("/api/v1/appeals/" + no).then().statusCode(404);
        as("dispatcher-demo").contentType(ContentType.JSON).body(Map.of("unit", "TAX"))
                .post("/api/v1/dispatch/appeals/" + no + "/helpers").then().statusCode(400).body("field", equalTo("unit"));
        as("dispatcher-demo").contentType(ContentType.JSON).body(Map.of("unit", "SAMR"))
                .post("/api/v1/dispatch/appeals/" + no + "/helpers").then().statusCode(200);
        as("dispatcher-demo").contentType(ContentType.JSON).body(Map.of("unit", "SAMR"))
                .post("/api/v1/dispatch/appeals/" + no + "/helpers").then().statusCode(409);

        as("commissioner-samr").get("/api/v1/appeals/" + no).then().statusCode(200);
        assertThat(WorkQueues.walk("commissioner-samr")).contains(no);
        as("commissioner-samr").contentType(ContentType.JSON).body(Map.of("note", "已核对该企业登记信息"))
                .post("/api/v1/appeals/" + no + "/notes").then().statusCode(200);
        as("commissioner-samr").contentType(ContentType.JSON).body(Map.of("answer", "协办单位不能直接答复企业的诉求。"))
                .post("/api/v1/appeals/" + no + "/reply").then().statusCode(404);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("DISPATCHED");
    }
}
