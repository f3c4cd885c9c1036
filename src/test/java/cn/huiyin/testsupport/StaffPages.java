package cn.huiyin.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import cn.huiyin.shared.web.CsrfTokens;
import io.restassured.response.ValidatableResponse;

/**
 * A staff member in a browser, as far as HTTP goes: signed in by the demo login's cookie, posting forms with the
 * anti-forgery token every rendered form carries.
 */
public final class StaffPages {

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
     * The {@code _csrf} value the pages render into their forms for this cookie, derived like the service does
     * (CsrfTest checks that it is the one in the rendered forms).
     */
    public static String csrfFor(String cookie) {
        String secret = ConfigProvider.getConfig().getValue("huiyin.csrf.secret", String.class);
        return new CsrfTokens(secret).tokenFor(CsrfTokens.sessionOf(List.of("huiyin_token=" + cookie)));
    }

    /** Posts a form as the browser would (pairs of name, value, and the form's token), not following the redirect. */
    public static ValidatableResponse post(String cookie, String path, String... fields) {
        var request = given().cookie("huiyin_token", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(CsrfTokens.FIELD, csrfFor(cookie));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path).then();
    }
}
