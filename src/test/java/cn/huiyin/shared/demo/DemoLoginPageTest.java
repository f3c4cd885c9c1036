package cn.huiyin.shared.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.testsupport.RawHttp;
import cn.huiyin.testsupport.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The demo sign-in sends the browser on only to a path on this site, and never fails on what {@code to} holds. */
@QuarkusTest
class DemoLoginPageTest {

    private static ExtractableResponse<Response> login(String to) {
        return given().redirects().follow(false).queryParam("to", to).get("/demo/login/agent-demo")
                .then().statusCode(303).extract();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/desk/phone", "/workqueue?unit=TAX", "/"})
    void aLocalPathIsFollowedWithTheCookieSet(String to) {
        ExtractableResponse<Response> answer = login(to);

        assertThat(answer.header("Location")).isEqualTo(to);
        assertThat(answer.cookie("huiyin_token")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\\evil.example", "//evil.example", "https://evil.example/", "/desk phone", "/a|b",
            "/%zz", "/中文"})
    void anythingElseSignsInAndGoesHome(String to) {
        ExtractableResponse<Response> answer = login(to);

        assertThat(answer.header("Location")).isEqualTo("/");
        assertThat(answer.cookie("huiyin_token")).isNotBlank();
    }

    @Test
    void anOverlongTargetGoesHome() {
        assertThat(login("/" + "a".repeat(512)).header("Location")).isEqualTo("/");
    }

    /** Encoded CR/LF never reaches the page: the edge refuses a query with a control character. */
    @ParameterizedTest
    @ValueSource(strings = {"%2Fdesk%0D%0ASet-Cookie:%20x=1", "%2Fdesk%0Ax", "%2F%5C%0Devil.example"})
    void aLineBreakInTheTargetIsRefusedBeforeAnyRedirect(String encoded) {
        Answer answer = RawHttp.send("GET", "/demo/login/agent-demo?to=" + encoded, Map.of(), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.header("Set-Cookie")).isNull();
    }

    @Test
    void anUnknownUserIsStillNotFound() {
        given().redirects().follow(false).queryParam("to", "/\\evil.example").get("/demo/login/nobody-here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("type", equalTo(
                        "https://huiyin.cn/problems/not-found"));
    }
}
