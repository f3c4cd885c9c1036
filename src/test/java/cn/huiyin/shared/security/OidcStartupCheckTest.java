package cn.huiyin.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.security.OidcStartupCheck.Setup;

/** When the service refuses to start for want of an identity provider, and when the demo cookie may sign in. */
class OidcStartupCheckTest {

    private static final Optional<String> NONE = Optional.empty();
    private static final Optional<String> URL = Optional.of("https://sso.example.org/realms/huiyin");
    private static final Optional<String> KEY = Optional.of("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
    private static final Optional<String> SECRET = Optional.of("client-secret");
    private static final Optional<String> SESSION = Optional.of("s".repeat(32));

    private static Setup bearerOnly(List<String> profiles, Optional<String> url, Optional<String> key) {
        return new Setup(profiles, url, key, false, NONE, NONE, NONE);
    }

    @Test
    void production_without_a_provider_url_or_a_key_does_not_start_and_says_what_to_set() {
        for (List<String> profiles : List.of(List.<String>of(), List.of("prod"), List.of("kafka"))) {
            Optional<String> refusal = OidcStartupCheck.refusal(bearerOnly(profiles, NONE, NONE));
            assertThat(refusal).as("profiles %s", profiles).isPresent();
            assertThat(refusal.get()).contains("no OIDC provider is configured").contains("HUIYIN_OIDC_URL");
        }
    }

    @Test
    void production_with_a_provider_url_or_a_public_key_starts() {
        assertThat(OidcStartupCheck.refusal(bearerOnly(List.of("kafka"), URL, NONE))).isEmpty();
        assertThat(OidcStartupCheck.refusal(bearerOnly(List.of("prod"), NONE, KEY))).isEmpty();
    }

    @Test
    void demo_test_and_dev_start_without_a_provider() {
        for (List<String> profiles : List.of(List.of("demo"), List.of("test"), List.of("dev", "demo"), List.of("dev"))) {
            assertThat(OidcStartupCheck.refusal(bearerOnly(profiles, NONE, NONE))).as("profiles %s", profiles).isEmpty();
        }
    }

    @Test
    void page_sign_in_in_production_needs_the_client_secrets_and_a_long_shared_session_secret() {
        assertThat(OidcStartupCheck.refusal(new Setup(List.of("kafka"), URL, NONE, true, SECRET, SECRET, SESSION)))
                .isEmpty();
        assertThat(OidcStartupCheck.refusal(new Setup(List.of("kafka"), URL, NONE, true, NONE, SECRET, SESSION)))
                .get().asString().contains("HUIYIN_OIDC_STAFF_SECRET");
        assertThat(OidcStartupCheck.refusal(new Setup(List.of("kafka"), URL, NONE, true, SECRET, NONE, SESSION)))
                .get().asString().contains("HUIYIN_OIDC_ENTERPRISE_SECRET");
        assertThat(OidcStartupCheck.refusal(new Setup(List.of("kafka"), URL, NONE, true, SECRET, SECRET, NONE)))
                .get().asString().contains("HUIYIN_OIDC_SESSION_SECRET");
        assertThat(OidcStartupCheck.refusal(new Setup(List.of("kafka"), URL, NONE, true, SECRET, SECRET,
                Optional.of("s".repeat(31))))).get().asString().contains("at least 32 characters");
    }

    @Test
    void the_demo_cookie_signs_in_only_while_the_demo_key_verifies_in_a_demo_or_test_profile() {
        assertThat(DemoTokenCookie.inUse(true, KEY, NONE)).isTrue();
        assertThat(DemoTokenCookie.inUse(true, KEY, URL)).as("a provider wins over the key").isFalse();
        assertThat(DemoTokenCookie.inUse(true, NONE, NONE)).isFalse();
        assertThat(DemoTokenCookie.inUse(false, KEY, NONE)).as("production, even with a public key").isFalse();
        assertThat(OidcStartupCheck.isDemoOrTest(List.of("kafka"))).isFalse();
        assertThat(OidcStartupCheck.isDemoOrTest(List.of("dev", "demo"))).isTrue();
    }
}
