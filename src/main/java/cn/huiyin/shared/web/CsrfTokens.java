package cn.huiyin.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anti-forgery token of a signed-in browser (signed double submit): the browser holds a random cookie
 * {@code huiyin_csrf} of its own, and its forms carry HMAC-SHA256 of that cookie's value under a server secret.
 * Stateless: every replica that shares the secret derives the same token. It does not depend on the sign-in cookies,
 * which change under a page (an OIDC session cookie is re-encrypted whenever its ID token is refreshed). Another site
 * can make a browser send its cookies, but can neither read a page to learn the token nor derive it without the secret.
 */
public final class CsrfTokens {

    /** The form field a page's forms carry the token in. */
    public static final String FIELD = "_csrf";
    /** The header a script sends the token in instead. */
    public static final String HEADER = "X-CSRF-Token";
    /** The browser's own random value the token is derived from. */
    public static final String COOKIE = "huiyin_csrf";

    static final String TOKEN_COOKIE = "huiyin_token";
    static final String OIDC_SESSION_COOKIE_PREFIX = "q_session";

    private static final String ALGORITHM = "HmacSHA256";
    /** Keeps these MACs apart from anything else a reused secret might sign (v2: of the huiyin_csrf cookie). */
    private static final String PURPOSE = "huiyin-csrf-v2\n";
    private static final int COOKIE_BYTES = 32;
    /** 32 bytes in base64url without padding: anything else is not a cookie this service issued. */
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Whether the request's raw {@code Cookie} headers carry a sign-in cookie (it is cookie-authenticated). */
    public static boolean signedIn(List<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String cookie = pair.strip();
                int equals = cookie.indexOf('=');
                if (equals > 0 && isAuthCookie(cookie.substring(0, equals).strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code huiyin_csrf} value of the request's raw {@code Cookie} headers, or null without a well-formed one. */
    public static String cookieOf(List<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String cookie = pair.strip();
                int equals = cookie.indexOf('=');
                if (equals > 0 && cookie.substring(0, equals).strip().equals(COOKIE)) {
                    String value = cookie.substring(equals + 1).strip();
                    if (COOKIE_VALUE.matcher(value).matches()) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /** A new {@code huiyin_csrf} value: 32 random bytes, base64url without padding. */
    public static String newCookieValue() {
        byte[] bytes = new byte[COOKIE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token for a {@code huiyin_csrf} value (URL- and HTML-safe: base64url without padding). */
    public String tokenFor(String cookieValue) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((PURPOSE + cookieValue).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code presented} is the token of this {@code huiyin_csrf} value, compared in constant time. */
    public boolean matches(String cookieValue, String presented) {
        if (cookieValue == null || presented == null) {
            return false;
        }
        byte[] expected = tokenFor(cookieValue).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.strip().getBytes(StandardCharsets.UTF_8));
    }
}
