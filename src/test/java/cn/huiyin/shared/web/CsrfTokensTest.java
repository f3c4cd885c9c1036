package cn.huiyin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The anti-forgery token: bound to the browser's huiyin_csrf cookie, keyed by the server secret, read back from a multipart form. */
class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("a-secret-of-enough-length");

    private static boolean signedIn(String... cookieHeaders) {
        return CsrfTokens.signedIn(List.of(cookieHeaders));
    }

    private static String csrfCookie(String... cookieHeaders) {
        return CsrfTokens.cookieOf(List.of(cookieHeaders));
    }

    @Test
    void a_request_is_signed_in_by_a_demo_token_or_an_oidc_session_cookie_only() {
        assertThat(signedIn()).isFalse();
        assertThat(signedIn("lang=zh; q_auth_state=xyz; JSESSIONID=1; huiyin_tokenx=2; huiyin_csrf=abc")).isFalse();
        assertThat(signedIn("huiyin_token")).as("a cookie without a value part").isFalse();
        assertThat(signedIn("lang=zh; huiyin_token=abc.def")).isTrue();
        assertThat(signedIn("theme=dark", "q_session_staff_chunk_1=s2")).isTrue();
    }

    @Test
    void the_csrf_cookie_is_read_among_the_others_and_only_in_the_shape_this_service_issues() {
        String value = CsrfTokens.newCookieValue();
        assertThat(value).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(CsrfTokens.newCookieValue());
        assertThat(csrfCookie("lang=zh; huiyin_csrf=" + value + "; huiyin_token=abc")).isEqualTo(value);
        assertThat(csrfCookie("lang=zh", " huiyin_csrf = " + value)).isEqualTo(value);
        assertThat(csrfCookie("huiyin_token=abc; q_session_staff=s")).isNull();
        assertThat(csrfCookie("huiyin_csrf=")).isNull();
        assertThat(csrfCookie("huiyin_csrf=short")).isNull();
        assertThat(csrfCookie("huiyin_csrf=" + value + "x")).isNull();
        assertThat(csrfCookie("huiyin_csrf=" + value.substring(1) + "=")).isNull();
        assertThat(csrfCookie("x_huiyin_csrf=" + value)).isNull();
    }

    @Test
    void the_token_is_the_csrf_cookies_own() {
        String cookie = CsrfTokens.newCookieValue();
        String token = tokens.tokenFor(cookie);

        assertThat(token).matches("[A-Za-z0-9_-]{43}").isEqualTo(tokens.tokenFor(cookie));
        assertThat(tokens.matches(cookie, token)).isTrue();
        assertThat(tokens.matches(cookie, " " + token + " ")).as("spaces around are forgiven").isTrue();
        assertThat(tokens.matches(cookie, tokens.tokenFor(CsrfTokens.newCookieValue()))).isFalse();
        assertThat(tokens.matches(cookie, new CsrfTokens("another-secret-of-length").tokenFor(cookie))).isFalse();
        assertThat(tokens.matches(cookie, token.substring(1))).isFalse();
        assertThat(tokens.matches(cookie, token.toUpperCase())).isFalse();
        assertThat(tokens.matches(cookie, cookie)).as("the cookie is not its own token").isFalse();
        assertThat(tokens.matches(cookie, "")).isFalse();
        assertThat(tokens.matches(cookie, null)).isFalse();
        assertThat(tokens.matches(null, token)).isFalse();
    }

    @Test
    void a_short_or_missing_secret_is_refused() {
        assertThatThrownBy(() -> new CsrfTokens("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huiyin.csrf.secret");
        assertThatThrownBy(() -> new CsrfTokens(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_token_is_read_from_its_multipart_part_and_from_no_other() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n_csrf\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"_csrf\"\r\n"
                + "Content-Type: text/plain\r\n\r\nnot it\r\n"
                + "--XyZ\r\ncontent-disposition: form-data; name=\"_csrf\"\r\n\r\nTOKEN-1\r\n--XyZ--\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String type = "multipart/form-data; boundary=XyZ";

        assertThat(CsrfGuard.multipartField(type, bytes, "_csrf")).isEqualTo("TOKEN-1");
        assertThat(CsrfGuard.multipartField("multipart/form-data; boundary=\"XyZ\"", bytes, "_csrf"))
                .isEqualTo("TOKEN-1");
        assertThat(CsrfGuard.multipartField(type, bytes, "other")).isNull();
        assertThat(CsrfGuard.multipartField("multipart/form-data", bytes, "_csrf")).isNull();
        byte[] fileOnly = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"_csrf\"\r\n\r\nx\r\n--B--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CsrfGuard.multipartField("multipart/form-data; boundary=B", fileOnly, "_csrf")).isNull();
    }
}
