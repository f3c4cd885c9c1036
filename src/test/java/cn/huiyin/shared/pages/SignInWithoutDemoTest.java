package cn.huiyin.shared.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Outside demo mode the sign-in page lists nobody and says that sign-in is through the district's provider. */
@QuarkusTest
@TestProfile(SignInWithoutDemoTest.NoDemo.class)
class SignInWithoutDemoTest {

    public static class NoDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.demo.enabled", "false");
        }
    }

    @Test
    void the_sign_in_page_names_the_identity_provider_and_offers_no_demo_users() {
        String html = given().accept("text/html").queryParam("to", "/workqueue").get("/signin")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("工作人员通过区统一身份认证平台登录").contains("尚未配置")
                .doesNotContain("/demo/login/").contains("工作人员登录");
    }
}
