package cn.huiyin.routing.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RoutingResourceTest {

    private static io.restassured.response.ValidatableResponse suggest(String user, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (user != null) {
            request.auth().oauth2(Appeals.tokenFor(user));
        }
        return request.post("/api/v1/routing/suggest").then();
    }

    @Test
    void a_clear_tax_question_is_ranked_to_the_tax_bureau_and_placed_automatically() {
        suggest("agent-demo", Map.of("text", "我们公司在电子税务局开具数电发票，一直提示授信额度不足，没法开票", "channel", "PHONE"))
                .statusCode(200)
                .body("suggestions[0].category", equalTo("TAX_SERVICE"))
                .body("suggestions[0].unit", equalTo("TAX"))
                .body("suggestions[0].unitName", equalTo("国家税务总局广州市天河区税务局"))
                .body("automatic", equalTo(true))
                .body("trainedOn", greaterThan(399));
    }

    @Test
    void a_contentless_opener_is_never_placed_automatically() {
        suggest("dispatcher-demo", Map.of("text", "你好，在吗")).statusCode(200).body("automatic", equalTo(false));
    }

    @Test
    void only_staff_may_ask_and_the_text_is_checked() {
        suggest("enterprise-demo", Map.of("text", "开发票")).statusCode(403);
        suggest(null, Map.of("text", "开发票")).statusCode(401);
        suggest("agent-demo", Map.of("text", " ")).statusCode(400).body("field", equalTo("text"));
        suggest("agent-demo", Map.of("text", "开发票", "channel", "FAX")).statusCode(400).body("field", equalTo("channel"));
    }
}
