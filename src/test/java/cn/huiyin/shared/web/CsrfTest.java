package cn.huiyin.shared.web;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.csrfFor;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Cross-site request forgery: another site can make a signed-in browser post a form with its cookie, but cannot read
 * the token the pages' forms carry. The first page a signed-in browser opens gives it a random {@code huiyin_csrf}
 * cookie, and its forms carry that cookie's token. Without both (or with another browser's token, or a made-up one) a
 * post signed in by a cookie is refused and changes nothing; API clients with a bearer token and anonymous public forms
 * need none. The token outlives a change of the sign-in cookie (an OIDC session cookie is re-encrypted on refresh).
 */
@QuarkusTest
class CsrfTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern TOKEN_INPUT =
            Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]*)\">");

    @Inject
    Database db;

    /** An appeal for ECO, worked only by commissioners of the tests' own. */
    private static String submitted() {
        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("title", "跨站请求测试：夜间废气");
        body.put("description", "园区周边企业夜间排放废气，异味明显，影响我司员工正常办公，请环保部门尽快核查处理。");
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    private String status(String no) {
        return db.string("SELECT status FROM appeal WHERE tracking_no = $1", no);
    }

    private long events(String no) {
        return db.count("SELECT event_count FROM appeal WHERE tracking_no = $1", no);
    }

    /**
     * What another site's form makes the browser send: the sign-in cookie (SameSite=Lax keeps {@code huiyin_csrf} off a
     * cross-site post), and whatever token the attacker could put in.
     */
    private static RequestSpecification crossSite(String cookie) {
        return given().redirects().follow(false).cookie("huiyin_token", cookie).contentType(FORM);
    }

    /** The same, should the browser send its anti-forgery cookie too: the token still has to be its own. */
    private static RequestSpecification withCsrfCookie(String cookie) {
        return StaffPages.browser(cookie).redirects().follow(false).contentType(FORM);
    }

    private static CsrfTokens tokens() {
        return new CsrfTokens(ConfigProvider.getConfig().getValue("huiyin.csrf.secret", String.class));
    }

    private static List<String> tokensIn(String html) {
        List<String> tokens = new ArrayList<>();
        Matcher input = TOKEN_INPUT.matcher(html);
        while (input.find()) {
            tokens.add(input.group(1));
        }
        return tokens;
    }

    @Test
    void a_cross_site_form_post_with_only_the_cookie_is_refused_and_changes_nothing() {
        String no = submitted();
        String cookie = cookieFor(newCommissioner(db, "ECO"));
        String accept = "/workqueue/" + no + "/accept";
        long before = events(no);

        crossSite(cookie).accept("text/html,application/xhtml+xml").post(accept).then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("id=\"csrf-refused\""))
                .body(containsString("没有做任何更改"));
        crossSite(cookie).accept("application/json").post(accept).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("_csrf")).body("type", endsWith("/csrf-token"))
                .body("status", equalTo(403));
        // another browser's token, a made-up one, an altered one, or one in the URL are no better
        String othersToken = csrfFor(cookieFor(newCommissioner(db, "ECO")));
        String own = csrfFor(cookie);
        String altered = own.substring(0, own.length() - 1) + (own.endsWith("A") ? "B" : "A");
        for (String token : List.of(othersToken, "forged", altered, "")) {
            withCsrfCookie(cookie).formParam("_csrf", token).post(accept).then().statusCode(403);
        }
        withCsrfCookie(cookie).header("X-CSRF-Token", othersToken).post(accept).then().statusCode(403);
        withCsrfCookie(cookie).queryParam("_csrf", own).post(accept).then().statusCode(403);
        // the right token without its huiyin_csrf cookie (a cross-site post), or with another one, is refused
        crossSite(cookie).formParam("_csrf", own).post(accept).then().statusCode(403).body(containsString("csrf-refused"));
        String othersCookie = StaffPages.csrfCookieFor(cookieFor(newCommissioner(db, "ECO")));
        crossSite(cookie).cookie("huiyin_csrf", othersCookie).formParam("_csrf", own).post(accept).then().statusCode(403);
        crossSite(cookie).cookie("huiyin_csrf", "not-one-of-ours").formParam("_csrf", tokens().tokenFor("not-one-of-ours"))
                .post(accept).then().statusCode(403);

        assertThat(status(no)).isEqualTo("DISPATCHED");
        assertThat(events(no)).isEqualTo(before);
    }

    @Test
    void the_first_page_gives_the_browser_its_csrf_cookie_and_every_post_form_carries_that_cookies_token() {
        String no = submitted();
        String cookie = cookieFor(newCommissioner(db, "ECO"));
        ExtractableResponse<Response> first = given().cookie("huiyin_token", cookie).accept(ContentType.HTML)
                .get("/workqueue/" + no).then().statusCode(200).extract();
        String page = first.asString();

        String csrfCookie = first.cookie("huiyin_csrf");
        assertThat(csrfCookie).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.headers().getValues("Set-Cookie")).filteredOn(c -> c.startsWith("huiyin_csrf=")).singleElement()
                .satisfies(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                        .contains("Path=/").doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires")
                        .doesNotContainIgnoringCase("Secure"));
        List<String> tokens = tokensIn(page);
        long postForms = Pattern.compile("<form[^>]*method=\"post\"").matcher(page).results().count();
        assertThat(postForms).as("accept, claim, reveal and sign-out at least").isGreaterThanOrEqualTo(4);
        assertThat(tokens).hasSize((int) postForms).containsOnly(tokens().tokenFor(csrfCookie));

        // a browser that holds its cookie keeps it: the next page sets none and carries the same token
        ExtractableResponse<Response> next = given().cookie("huiyin_token", cookie).cookie("huiyin_csrf", csrfCookie)
                .accept(ContentType.HTML).get("/workqueue").then().statusCode(200).extract();
        assertThat(next.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("huiyin_csrf="));
        assertThat(tokensIn(next.asString())).isNotEmpty().containsOnly(tokens.get(0));
        // nor does a visitor without a sign-in cookie get one
        assertThat(given().accept(ContentType.HTML).get("/appeals/lookup").then().statusCode(200).extract()
                .headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("huiyin_csrf="));

        crossSite(cookie).cookie("huiyin_csrf", csrfCookie).formParam("_csrf", tokens.get(0))
                .post("/workqueue/" + no + "/accept").then().statusCode(303)
                .header("Location", endsWith("/workqueue/" + no + "?ok=accept"));
        assertThat(status(no)).isEqualTo("ACCEPTED");
    }

    @Test
    void a_form_rendered_before_the_sign_in_cookie_changed_still_posts_after_it_changed() throws Exception {
        String user = newCommissioner(db, "ECO");
        String before = cookieFor(user);
        String no = submitted();
        ExtractableResponse<Response> page = given().cookie("huiyin_token", before).accept(ContentType.HTML)
                .get("/workqueue/" + no).then().statusCode(200).extract();
        String csrfCookie = page.cookie("huiyin_csrf");
        String token = tokensIn(page.asString()).get(0);

        // the browser's sign-in cookie is replaced under the open page (a new demo token; an OIDC session cookie is
        // re-encrypted whenever its ID token is refreshed), while it keeps its huiyin_csrf
        // a demo token minted in a later second differs from the first
        String after = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> cookieFor(user), minted -> !minted.equals(before));
        given().redirects().follow(false).cookie("huiyin_token", after).cookie("huiyin_csrf", csrfCookie)
                .contentType(FORM).formParam("_csrf", token).post("/workqueue/" + no + "/accept").then()
                .statusCode(303).header("Location", endsWith("/workqueue/" + no + "?ok=accept"));
        assertThat(status(no)).isEqualTo("ACCEPTED");

        // the same for an OIDC session cookie whose value changes between the page and the post
        ExtractableResponse<Response> lookup = given().header("Cookie", "q_session_staff=" + UUID.randomUUID())
                .accept(ContentType.HTML).get("/appeals/lookup").then().statusCode(200).extract();
        String sessionCsrf = lookup.cookie("huiyin_csrf");
        String sessionToken = tokensIn(lookup.asString()).get(0);
        assertThat(sessionToken).isEqualTo(tokens().tokenFor(sessionCsrf));
        given().header("Cookie", "q_session_staff=" + UUID.randomUUID() + "; huiyin_csrf=" + sessionCsrf)
                .header("X-CSRF-Token", sessionToken).accept(ContentType.JSON).post("/workqueue/2611250000510/accept")
                .then().body(not(containsString("csrf-token")));
        // but not with another browser's huiyin_csrf, nor without one
        given().header("Cookie", "q_session_staff=x; huiyin_csrf=" + CsrfTokens.newCookieValue())
                .header("X-CSRF-Token", sessionToken).accept(ContentType.JSON).post("/workqueue/2611250000510/accept")
                .then().statusCode(403).body("field", equalTo("_csrf"));
        given().header("Cookie", "q_session_staff=x").header("X-CSRF-Token", sessionToken).accept(ContentType.JSON)
                .post("/workqueue/2611250000510/accept").then().statusCode(403).body("field", equalTo("_csrf"));
    }

    @Test
    void a_navigation_from_another_site_to_a_logout_path_is_refused_and_one_from_here_goes_on() {
        for (String path : List.of("/signout/staff", "/signout/enterprise")) {
            for (String site : List.of("cross-site", "same-site", "CROSS-SITE")) {
                given().redirects().follow(false).header("Sec-Fetch-Site", site).cookie("q_session_staff", "s")
                        .accept(ContentType.HTML).get(path).then().statusCode(403)
                        .body(containsString("id=\"signout-refused\""));
                given().redirects().follow(false).header("Sec-Fetch-Site", site).cookie("q_session_staff", "s")
                        .post(path).then().statusCode(403);
            }
            // the signing-out page's own navigation, a typed address, an older browser: carried on as before
            for (String site : List.of("same-origin", "none")) {
                given().redirects().follow(false).header("Sec-Fetch-Site", site).get(path).then().statusCode(303)
                        .header("Location", endsWith("/signin"));
            }
            given().redirects().follow(false).get(path).then().statusCode(303);
        }
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").get("/signin").then().statusCode(200);
    }

    @Test
    void a_script_sends_the_token_as_a_header_and_an_api_client_with_a_bearer_token_needs_none() {
        String user = newCommissioner(db, "ECO");
        String cookie = cookieFor(user);
        String byCookie = submitted();
        String byBearer = submitted();

        given().cookie("huiyin_token", cookie).accept(ContentType.JSON).post("/api/v1/appeals/" + byCookie + "/accept")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("field", equalTo("_csrf"));
        assertThat(status(byCookie)).isEqualTo("DISPATCHED");
        StaffPages.browser(cookie).header("X-CSRF-Token", csrfFor(cookie)).accept(ContentType.JSON)
                .post("/api/v1/appeals/" + byCookie + "/accept").then().statusCode(200);
        assertThat(status(byCookie)).isEqualTo("ACCEPTED");

        given().auth().oauth2(Appeals.tokenFor(user)).accept(ContentType.JSON)
                .post("/api/v1/appeals/" + byBearer + "/accept").then().statusCode(200);
        assertThat(status(byBearer)).isEqualTo("ACCEPTED");
    }

    @Test
    void anonymous_public_forms_need_no_token_and_a_signed_in_enterprise_posts_the_one_its_form_carries() {
        String anonymous = "匿名表单测试" + UUID.randomUUID().toString().substring(0, 8);
        appealForm(anonymous).post("/appeals/new").then().statusCode(200).body(containsString("诉求编号"));
        assertThat(appealsTitled(anonymous)).isEqualTo(1);
        given().contentType(FORM).formParam("trackingNo", submitted()).formParam("queryCode", "WRONG1")
                .post("/appeals/lookup").then().statusCode(200).body(containsString("未找到该诉求"));

        String enterprise = cookieFor("enterprise-demo");
        ExtractableResponse<Response> opened = given().cookie("huiyin_token", enterprise).get("/appeals/new").then()
                .statusCode(200).extract();
        String form = opened.asString();
        String csrfCookie = opened.cookie("huiyin_csrf");
        assertThat(tokensIn(form)).isNotEmpty().containsOnly(tokens().tokenFor(csrfCookie));
        String forged = "跨站表单测试" + UUID.randomUUID().toString().substring(0, 8);
        appealForm(forged).cookie("huiyin_token", enterprise).post("/appeals/new").then().statusCode(403);
        appealForm(forged).cookie("huiyin_token", enterprise).formParam("_csrf", tokensIn(form).get(0))
                .post("/appeals/new").then().statusCode(403);
        assertThat(appealsTitled(forged)).isZero();
        String signedIn = "企业表单测试" + UUID.randomUUID().toString().substring(0, 8);
        appealForm(signedIn).cookie("huiyin_token", enterprise).cookie("huiyin_csrf", csrfCookie)
                .formParam("_csrf", tokensIn(form).get(0))
                .post("/appeals/new").then().statusCode(200).body(containsString("诉求编号"));
        assertThat(appealsTitled(signedIn)).isEqualTo(1);
    }

    private long appealsTitled(String title) {
        return db.count("SELECT count(*) FROM appeal WHERE title = $1", title);
    }

    private static RequestSpecification appealForm(String title) {
        return given().redirects().follow(false).contentType(FORM).formParam("uscc", Usccs.random())
                .formParam("enterpriseName", "广州测试科技有限公司").formParam("contactName", "张三")
                .formParam("contactMobile", "13800138000").formParam("category", "TAX_SERVICE")
                .formParam("appealType", "HELP").formParam("title", title)
                .formParam("description", "我司开具数电发票时一直提示授信额度不足，请协助处理。").formParam("consent", "on")
                .formParam("submissionId", UUID.randomUUID().toString());
    }

    @Test
    void an_oidc_session_cookie_counts_as_signed_in_and_a_multipart_form_carries_its_token_as_a_part() {
        String csrfCookie = CsrfTokens.newCookieValue();
        String session = "q_session=" + UUID.randomUUID() + "; huiyin_csrf=" + csrfCookie;
        given().header("Cookie", session).accept(ContentType.JSON).post("/workqueue/2611250000510/accept").then()
                .statusCode(403).body("field", equalTo("_csrf"));
        String token = tokens().tokenFor(csrfCookie);
        // past the guard the endpoint decides (no identity from this cookie yet): anything but the guard's refusal
        given().header("Cookie", session).header("X-CSRF-Token", token).accept(ContentType.JSON)
                .post("/workqueue/2611250000510/accept").then().body(not(containsString("csrf-token")));

        String cookie = cookieFor(newCommissioner(db, "ECO"));
        String boundary = "----huiyin" + UUID.randomUUID().toString().replace("-", "");
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n--" + boundary
                + "--\r\n";
        StaffPages.browser(cookie).accept(ContentType.JSON)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(String.format(part, "forged").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/workqueue/mine").then().statusCode(403).body("field", equalTo("_csrf"));
        int status = StaffPages.browser(cookie).accept(ContentType.JSON)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(String.format(part, csrfFor(cookie)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/workqueue/mine").then().extract().statusCode();
        assertThat(status).as("past the guard, the endpoint answers (it takes no multipart)").isNotEqualTo(403);
        // the guard reads a multipart body only up to the form limit
        StaffPages.browser(cookie).accept(ContentType.JSON)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(String.format(part, "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/workqueue/mine").then().statusCode(413);
    }

    @Test
    void reading_a_page_needs_no_token() {
        given().cookie("huiyin_token", cookieFor("commissioner-tax")).get("/workqueue").then().statusCode(200)
                .contentType(startsWith("text/html"));
    }
}
