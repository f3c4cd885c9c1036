package cn.huiyin.routing.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.routing.application.RoutingTrainingSet;
import cn.huiyin.routing.domain.CategoryClassifier;
import cn.huiyin.routing.domain.HeldOutAppeals;
import cn.huiyin.routing.domain.RoutingPolicy;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.routing.persistence.RoutingExampleRepository;

import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RoutingResourceTest {

    @Inject
    RoutingExampleRepository examples;

    @Inject
    CatalogueRepository catalogue;

    @Inject
    RoutingSuggestions routing;

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

    @Test
    void the_service_answers_what_the_evaluated_classifier_answers() {
        routing.examplesChanged(); // the service retrains from the table as it is now
        CategoryClassifier evaluated = CategoryClassifier.train(RoutingTrainingSet.of(
                examples.trainingExamples().await().atMost(Duration.ofSeconds(30)),
                catalogue.current().await().atMost(Duration.ofSeconds(30))));
        List<HeldOutAppeals.Appeal> sample = HeldOutAppeals.load().stream().filter(a -> a.id().endsWith("7")).toList();

        for (HeldOutAppeals.Appeal a : sample) {
            RoutingPolicy.Routed expected = RoutingPolicy.route(evaluated, a.text(), routing.threshold());
            var answer = suggest("dispatcher-demo", Map.of("text", a.text())).statusCode(200).extract().jsonPath();
            assertThat(answer.getString("suggestions[0].category")).as(a.id()).isEqualTo(expected.best().category());
            assertThat(answer.getList("suggestions.category")).as(a.id())
                    .isEqualTo(expected.top3().stream().map(s -> s.category()).toList());
            assertThat(answer.getDouble("suggestions[0].confidence")).as(a.id())
                    .isCloseTo(expected.best().confidence(), within(1e-6)); // JSON numbers are read back as floats
            assertThat(answer.getBoolean("automatic")).as(a.id()).isEqualTo(expected.automatic());
            assertThat(answer.getInt("trainedOn")).isEqualTo(evaluated.exampleCount());
        }
        assertThat(sample).hasSizeGreaterThanOrEqualTo(30);
    }
}
