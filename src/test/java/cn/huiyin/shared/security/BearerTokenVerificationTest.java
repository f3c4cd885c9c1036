package cn.huiyin.shared.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The API's bearer check (the OIDC default tenant verifying with the demo key in tests): a token is accepted only with
 * the demo key's signature over exactly its claims, the demo issuer, the huiyin-api audience and a time left; the demo
 * login's cookie is checked the same way on the pages.
 */
@QuarkusTest
class BearerTokenVerificationTest {

    private static final String DEMO_KEY = "demo/demo-jwt-private.pem";
    private static final String ISSUER = "https://huiyin.demo/issuer";
    private static final String QUEUE = "/api/v1/workqueue";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** A commissioner of SAMR's claims, as the demo token endpoint would make them. */
    private static JwtClaimsBuilder commissioner() {
        return Jwt.issuer(ISSUER).audience("huiyin-api").upn("commissioner-samr").subject("commissioner-samr")
                .groups(Set.of("commissioner")).claim("unit", "SAMR").expiresIn(600);
    }

    private static int statusWith(String token) {
        return given().auth().oauth2(token).get(QUEUE).then().extract().statusCode();
    }

    @Test
    void a_demo_token_and_one_signed_alike_are_accepted() {
        assertThat(statusWith(Appeals.tokenFor("commissioner-samr"))).isEqualTo(200);
        assertThat(statusWith(commissioner().sign(DEMO_KEY))).isEqualTo(200);
    }

    @Test
    void no_token_is_401() {
        given().get(QUEUE).then().statusCode(401);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        String token = commissioner().issuer("https://sso.elsewhere.example/realms/huiyin").sign(DEMO_KEY);

        assertThat(statusWith(token)).isEqualTo(401);
    }

    @Test
    void a_token_whose_payload_was_changed_under_its_signature_is_refused() {
        String token = commissioner().sign(DEMO_KEY);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"SAMR\"");
        String changed = payload.replace("\"SAMR\"", "\"TAX\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(statusWith(token)).isEqualTo(200);
        assertThat(statusWith(tampered)).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() {
        long now = Instant.now().getEpochSecond();
        String token = commissioner().issuedAt(now - 7200).expiresAt(now - 3600).sign(DEMO_KEY);

        assertThat(statusWith(token)).isEqualTo(401);
    }

    @Test
    void a_token_for_another_audience_or_signed_by_another_key_is_refused() throws NoSuchAlgorithmException {
        assertThat(statusWith(commissioner().audience("another-api").sign(DEMO_KEY))).isEqualTo(401);

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertThat(statusWith(commissioner().sign(rsa.generateKeyPair().getPrivate()))).isEqualTo(401);
    }

    @Test
    void the_pages_take_the_demo_cookie_but_not_a_tampered_one() {
        String token = commissioner().sign(DEMO_KEY);
        given().redirects().follow(false).accept(HTML).cookie(DemoTokenCookie.NAME, token).get("/workqueue")
                .then().statusCode(200).body(containsString("本单位待认领"));

        String[] parts = token.split("\\.");
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("commissioner", "admin")
                .getBytes(StandardCharsets.UTF_8));
        given().redirects().follow(false).accept(HTML).cookie(DemoTokenCookie.NAME, parts[0] + "." + other + "." + parts[2])
                .get("/workqueue").then().statusCode(303).header("Location", containsString("/signin?to="));
    }
}
