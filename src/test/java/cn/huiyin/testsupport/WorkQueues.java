package cn.huiyin.testsupport;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a user's whole work queue, page by page, with the keyset the API hands out. */
public final class WorkQueues {

    private WorkQueues() {
    }

    /** Every tracking number in the user's queue, page by page with the keyset the API hands out. */
    public static List<String> walk(String user) {
        return walk(user, 100);
    }

    public static List<String> walk(String user, int pageSize) {
        String token = Appeals.tokenFor(user);
        List<String> all = new ArrayList<>();
        String afterDue = null;
        long afterId = 0;
        for (int page = 0; page < 1000; page++) {
            var request = given().auth().oauth2(token).queryParam("limit", pageSize);
            if (afterDue != null) {
                request.queryParam("afterDue", afterDue).queryParam("afterId", afterId);
            }
            List<Map<String, Object>> items = request.get("/api/v1/workqueue").then().statusCode(200).extract()
                    .jsonPath().getList("");
            items.forEach(item -> all.add(((String) item.get("trackingNo")).strip()));
            Map<String, Object> last = items.isEmpty() ? null : items.get(items.size() - 1);
            if (last == null) {
                break;
            }
            afterDue = last.get("handleDueAt") == null ? "none" : (String) last.get("handleDueAt");
            afterId = ((Number) last.get("appealId")).longValue();
        }
        return all;
    }
}
