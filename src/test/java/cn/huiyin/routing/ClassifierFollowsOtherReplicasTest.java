package cn.huiyin.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Examples stored by another replica (written here straight into the table, as that replica's dispatcher would) reach
 * this replica's classifier within {@code huiyin.routing.change-check-every} without anything telling it.
 */
@QuarkusTest
class ClassifierFollowsOtherReplicasTest {

    /** Wording no seed example and no other test uses, so the rows are ours to remove. */
    private static final String WORDING = "萤火虫养殖棚";

    private static final String TEXT = WORDING + "夜里补光灯的用电证明去哪里开";

    @Inject
    Database db;

    @Inject
    RoutingSuggestions routing;

    @AfterEach
    void forgetTheExamples() {
        db.execute("DELETE FROM routing_example WHERE text LIKE $1", "%" + WORDING + "%");
        routing.examplesChanged();
    }

    @Test
    void examples_added_on_another_replica_retrain_this_one_while_the_old_classifier_keeps_answering() throws Exception {
        JsonPath before = suggest(TEXT);
        int trainedOn = before.getInt("trainedOn");
        List<String> top = new ArrayList<>(before.getList("suggestions.category", String.class));
        while (top.size() < 3) {
            top.add("");
        }
        String category = db.string("SELECT code FROM dispatch_category WHERE code NOT IN ($1, $2, $3) ORDER BY position LIMIT 1",
                top.get(0), top.get(1), top.get(2));

        for (String example : List.of("养殖棚补光用电证明", "夜里补光灯用电怎么证明", "养殖棚用电证明在哪开", "补光灯电费证明",
                "养殖用电证明开具", "夜间补光用电证明办理")) {
            db.execute("INSERT INTO routing_example (text, category, source) VALUES ($1, $2, 'CORRECTION')",
                    WORDING + example, category);
        }

        // until the new classifier is ready the old one keeps answering, the same way
        JsonPath after = await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
                .until(() -> suggest(TEXT), answer -> {
                    boolean retrained = answer.getInt("trainedOn") != trainedOn;
                    if (!retrained) {
                        assertThat(answer.getString("suggestions[0].category"))
                                .isEqualTo(before.getString("suggestions[0].category"));
                    }
                    return retrained;
                });

        assertThat(after.getInt("trainedOn")).isEqualTo(trainedOn + 6);
        assertThat(after.getString("suggestions[0].category")).isEqualTo(category);
    }

    private static JsonPath suggest(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text))
                .auth().oauth2(Appeals.tokenFor("dispatcher-demo"))
                .post("/api/v1/routing/suggest").then().statusCode(200).extract().jsonPath();
    }
}
