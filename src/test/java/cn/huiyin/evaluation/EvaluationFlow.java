package cn.huiyin.evaluation;

import static io.restassured.RestAssured.given;

import java.util.Map;

import cn.huiyin.evaluation.domain.ReturnVisitSample;
import cn.huiyin.testsupport.Appeals;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Drives an appeal to its answer over HTTP, as the enterprise and the tax office's commissioner would. */
final class EvaluationFlow {

    static final String DEMO_USCC = "91440106MA5CXK8R10";
    static final String ANSWER = "经核实，授信额度已按规定调增，请重新登录电子税务局开票。";
    /** %test samples half the rounds for a return visit. */
    static final int SAMPLE_PERCENT = 50;

    private EvaluationFlow() {
    }

    /** A TAX appeal of the demo enterprise, accepted and answered once; sampled for a visit or not, as asked. */
    static String answered(boolean sampled) {
        for (int attempt = 0; attempt < 40; attempt++) {
            String no = given().contentType(ContentType.JSON).body(Appeals.with("uscc", DEMO_USCC)).post("/api/v1/appeals")
                    .then().statusCode(202).extract().path("trackingNo");
            if (ReturnVisitSample.sampled(no, 1, SAMPLE_PERCENT) == sampled) {
                post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
                reply(no);
                return no;
            }
        }
        throw new AssertionError("no appeal with sampled=" + sampled + " in 40 tries");
    }

    static void reply(String no) {
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", ANSWER)).statusCode(200);
    }

    static ValidatableResponse rate(String user, String no, int level, boolean resolved) {
        return post(user, "/api/v1/appeals/" + no + "/rating", Map.of("level", level, "resolved", resolved,
                "comment", "测试评价"));
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(Appeals.tokenFor(user));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then();
    }

    static ValidatableResponse view(String no) {
        return given().auth().oauth2(Appeals.tokenFor("enterprise-demo")).get("/api/v1/appeals/" + no).then().statusCode(200);
    }
}
