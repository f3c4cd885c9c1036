package cn.huiyin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The anti-forgery token: bound to the auth cookies, keyed by the server secret, read back from a multipart form. */
class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("a-secret-of-enough-length");

    private static String session(String... cookieHeaders) {
        return CsrfTokens.sessionOf(List.of(cookieHeaders));
    }

    @Test
    void a_request_without_an_auth_cookie_has_no_session() {
        assertThat(session()).isNull();
        assertThat(session("lang=zh; q_auth_state=xyz; JSESSIONID=1; huiyin_tokenx=2")).isNull();
        assertThat(session("huiyin_token")).as("a cookie without a value part").isNull();
    }

    @Test
    void the_session_is_the_auth_cookies_whatever_their_order_or_the_other_cookies() {
        String one = session("lang=zh; huiyin_token=abc.def; q_session=s1; q_session_chunk_1=s2");
        assertThat(one).isEqualTo("huiyin_token=abc.def\nq_session=s1\nq_session_chunk_1=s2");
        assertThat(session("q_session_chunk_1=s2", "q_session=s1;huiyin_token=abc.def;theme=dark")).isEqualTo(one);
        assertThat(session("q_session_tenant=t")).isEqualTo("q_session_tenant=t");
    }

    @Test
    void the_token_is_the_sessions_own() {
        String session = session("huiyin_token=abc.def");
        String token = tokens.tokenFor(session);

        assertThat(token).matches("[A-Za-z0-9_-]{43}").isEqualTo(tokens.tokenFor(session));
        assertThat(tokens.matches(session, token)).isTrue();
        assertThat(tokens.matches(session, " " + token + " ")).as("spaces around are forgiven").isTrue();
        assertThat(tokens.matches(session, tokens.tokenFor(session("huiyin_token=abc.deg")))).isFalse();
        assertThat(tokens.matches(session, new CsrfTokens("another-secret-of-length").tokenFor(session))).isFalse();
        assertThat(tokens.matches(session, token.substring(1))).isFalse();
        assertThat(tokens.matches(session, token.toUpperCase())).isFalse();
        assertThat(tokens.matches(session, "")).isFalse();
        assertThat(tokens.matches(session, null)).isFalse();
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
