package cn.huiyin.knowledge;

import static io.restassured.RestAssured.given;

import java.util.Map;

import cn.huiyin.testsupport.Appeals;
import io.restassured.http.ContentType;

/** Appeals for the answers tests: 咨询 filed as environmental ones, so they land in ECO, a unit no demo user works in. */
final class KnowledgeAnswersFixtures {

    private KnowledgeAnswersFixtures() {
    }

    static String submitConsult(String title, String description) {
        return submit("CONSULT", title, description);
    }

    static String submit(String appealType, String title, String description) {
        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("appealType", appealType);
        body.put("title", title);
        body.put("description", description);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }
}
