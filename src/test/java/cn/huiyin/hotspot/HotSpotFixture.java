package cn.huiyin.hotspot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.hotspot.application.HotSpots;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.restassured.http.ContentType;

/**
 * Files appeals about one problem the way enterprises do (the public API, each from its own enterprise), brings the
 * hot spots up to date, and finds the hot spot those appeals make.
 */
@ApplicationScoped
public class HotSpotFixture {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    HotSpots hotSpots;

    @Inject
    Database db;

    /** Files each {title, text} pair of category {@code category} from a different new enterprise; their numbers. */
    public List<String> file(String category, String[][] appeals) {
        List<String> numbers = new ArrayList<>();
        for (String[] appeal : appeals) {
            Map<String, Object> body = Appeals.with("category", category);
            body.put("enterpriseName", "广州热点测试企业" + numbers.size() + "有限公司");
            body.put("title", appeal[0]);
            body.put("description", appeal[1]);
            numbers.add(given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                    .extract().path("trackingNo"));
        }
        return numbers;
    }

    /** Recomputes the hot spots now (the scheduled job may hold the lock: then this waits for its own turn). */
    public void refresh() {
        await().atMost(PATIENCE).until(() -> hotSpots.refresh().await().atMost(PATIENCE) >= 0);
    }

    /** The id of the hot spot {@code trackingNo} is in; -1 when it is in none. */
    public long hotSpotOf(String trackingNo) {
        String id = db.string("SELECT hotspot_id::text FROM hotspot_appeal WHERE appeal_id = $1", db.id(trackingNo));
        return id == null ? -1 : Long.parseLong(id);
    }

    public String status(String trackingNo) {
        return db.string("SELECT status FROM appeal WHERE tracking_no = $1", trackingNo);
    }
}
