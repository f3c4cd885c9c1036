package cn.huiyin.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What operators and API users read: health, Prometheus metrics and the OpenAPI document. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void health_is_up_and_intake_is_counted_per_channel_and_outcome() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then().statusCode(202);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("huiyin_intake_appeals_total{channel=\"WEB\",outcome=\"stored\"}"))
                .body(containsString("huiyin_sla_calendar_missing_years"));
    }

    @Test
    void the_openapi_document_lists_the_fixed_entry_points() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/appeals"))
                .body(containsString("/api/v1/channels/phone/events"))
                .body(containsString("/api/v1/channels/wechat"))
                .body(containsString("/api/v1/cti/{token}"))
                .body(containsString("/api/v1/routing/suggest"))
                .body(containsString("/api/v1/sla/preview"));
    }
}
