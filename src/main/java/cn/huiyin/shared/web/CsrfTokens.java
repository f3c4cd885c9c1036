package cn.huiyin.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anti-forgery token of a signed-in browser: HMAC-SHA256, under a server secret, of the cookies that sign it in
 * ({@code huiyin_token} and the OIDC session's {@code q_session…}). Stateless: every replica that shares the secret
 * derives the same token, and a new sign-in (a new cookie) makes the old token worthless. Another site can make a
 * browser send the cookie, but cannot read a page to learn the token.
 */
public final class CsrfTokens {

    /** The form field a page's forms carry the token in. */
    public static final String FIELD = "_csrf";
    /** The header a script sends the token in instead. */
    public static final String HEADER = "X-CSRF-Token";

    static final String TOKEN_COOKIE = "huiyin_token";
    static final String OIDC_SESSION_COOKIE_PREFIX = "q_session";

    private static final String ALGORITHM = "HmacSHA256";
    /** Keeps these MACs apart from anything else a reused secret might sign. */
    private static final String PURPOSE = "huiyin-csrf-v1\n";

    private final SecretKeySpec key;

    public CsrfTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("huiyin.csrf.secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public static boolean isAuthCookie(String name) {
        return name.equals(TOKEN_COOKIE) || name.startsWith(OIDC_SESSION_COOKIE_PREFIX);
    }

    /**
     * What the request's authentication cookies stand for, from its raw {@code Cookie} headers: each auth cookie as
     * {@code name=value}, sorted, one per line — the same text for the page that renders a form and for the post
     * that sends it back. Null when the request carries no auth cookie (it is not cookie-authenticated).
     */
    public static String sessionOf(List<String> cookieHeaders) {
        List<String> auth = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String cookie = pair.strip();
                int equals = cookie.indexOf('=');
                if (equals > 0 && isAuthCookie(cookie.substring(0, equals).strip())) {
                    auth.add(cookie);
                }
            }
        }
        if (auth.isEmpty()) {
            return null;
        }
        auth.sort(null);
        return String.join("\n", auth);
    }

    /** The token for a session (URL- and HTML-safe: base64url without padding). */
    public String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((PURPOSE + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code presented} is this session's token, compared in constant time. */
    public boolean matches(String session, String presented) {
        if (session == null || presented == null) {
            return false;
        }
        byte[] expected = tokenFor(session).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.strip().getBytes(StandardCharsets.UTF_8));
    }
}
