package cn.huiyin.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** A staff member in a browser, as far as HTTP goes: signed in by the demo login's cookie, posting forms. */
public final class StaffPages {

    private StaffPages() {
    }

    public static String cookieFor(String user) {
        return given().redirects().follow(false).get("/demo/login/" + user + "?to=/")
                .then().statusCode(303).extract().cookie("huiyin_token");
    }

    public static ValidatableResponse get(String cookie, String path) {
        return given().cookie("huiyin_token", cookie).redirects().follow(false).get(path).then();
    }

    /** Posts a form as the browser would (pairs of name, value), without following the redirect. */
    public static ValidatableResponse post(String cookie, String path, String... fields) {
        var request = given().cookie("huiyin_token", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path).then();
    }
}
