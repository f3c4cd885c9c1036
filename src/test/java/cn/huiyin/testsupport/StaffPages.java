package cn.huiyin.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.shared.web.CsrfTokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A staff member in a browser, as far as HTTP goes: signed in by the demo login's cookie, holding the anti-forgery
 * cookie {@code huiyin_csrf} the first page gave it, and posting forms with the token every rendered form carries.
 */
public final class StaffPages {

    private static final Pattern TOKEN_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** What a browser signed in by a cookie keeps after its first page: its huiyin_csrf value and the forms' token. */
    public record Csrf(String cookie, String token) {
    }

    private static final Map<String, Csrf> BROWSERS = new ConcurrentHashMap<>();

    private StaffPages() {
    }

    /**
     * A commissioner of their own in {@code unit}, off duty so that automatic assignment never gives them (or
     * takes from them) anything: their queue holds only what a test puts there.
     */
    public static String newCommissioner(Database db, String unit) {
        String name = "pages-" + unit.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'commissioner', $3, false)",
                name, "专员 " + name, unit);
        return name;
    }

    public static String cookieFor(String user) {
        return given().redirects().follow(false).get("/demo/login/" + user + "?to=/")
                .then().statusCode(303).extract().cookie("huiyin_token");
    }

    public static ValidatableResponse get(String cookie, String path) {
        return given().cookie("huiyin_token", cookie).redirects().follow(false).get(path).then();
    }

    /**
     * The browser's anti-forgery cookie and token for this sign-in cookie, as the first page it opens gives them
     * (the sign-in page's header carries the sign-out form): the cookie from its {@code Set-Cookie}, the token from
     * the form.
     */
    public static Csrf csrf(String cookie) {
        return BROWSERS.computeIfAbsent(cookie, StaffPages::firstPage);
    }

    private static Csrf firstPage(String cookie) {
        ExtractableResponse<Response> page = given().cookie("huiyin_token", cookie).redirects().follow(false)
                .accept("text/html").get("/signin").then().statusCode(200).extract();
        Matcher token = TOKEN_INPUT.matcher(page.asString());
        String value = page.cookie(CsrfTokens.COOKIE);
        if (value == null || !token.find()) {
            throw new AssertionError("the page rendered no form token and set no " + CsrfTokens.COOKIE
                    + " for this cookie (is it signed in?)");
        }
        return new Csrf(value, token.group(1));
    }

    /** The {@code _csrf} value the pages render into their forms for this browser. */
    public static String csrfFor(String cookie) {
        return csrf(cookie).token();
    }

    /** The browser's {@code huiyin_csrf} cookie value. */
    public static String csrfCookieFor(String cookie) {
        return csrf(cookie).cookie();
    }

    /** A request from this browser: its sign-in cookie and its anti-forgery cookie (no token). */
    public static RequestSpecification browser(String cookie) {
        return given().cookie("huiyin_token", cookie).cookie(CsrfTokens.COOKIE, csrfCookieFor(cookie));
    }

    /** Posts a form as the browser would (pairs of name, value, and the form's token), not following the redirect. */
    public static ValidatableResponse post(String cookie, String path, String... fields) {
        var request = browser(cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(CsrfTokens.FIELD, csrfFor(cookie));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path).then();
    }
}
