package cn.huiyin.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Builds web submissions and demo tokens for tests that speak HTTP like a real client. */
public final class Appeals {

    private Appeals() {
    }

    /** A valid submission from a fresh, random enterprise. */
    public static Map<String, Object> validSubmission() {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", Usccs.random());
        body.put("enterpriseName", "广州测试科技有限公司");
        body.put("contactName", "张三");
        body.put("contactMobile", "+86 138-0013-8000");
        body.put("category", "TAX_SERVICE");
        body.put("appealType", "HELP");
        body.put("urgent", false);
        body.put("title", "数电发票开具失败");
        body.put("description", "我司在电子税务局开具数电发票时一直提示授信额度不足，影响正常开票，请协助处理。");
        body.put("consent", true);
        return body;
    }

    public static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = validSubmission();
        body.put(field, value);
        return body;
    }

    /** A bearer token for one of the demo users seeded in test mode. */
    public static String tokenFor(String username) {
        return RestAssured.given().contentType(ContentType.JSON)
                .post("/api/v1/demo/tokens/" + username)
                .then().statusCode(200).extract().path("accessToken");
    }
}
