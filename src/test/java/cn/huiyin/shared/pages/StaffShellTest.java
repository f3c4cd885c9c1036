package cn.huiyin.shared.pages;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.csrfFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The header of every page shows who is signed in, by the verified token cookie alone, with the pages their role
 * may open and a sign-out; a browser refused a page is sent to sign in or told why in Chinese, API clients keep the
 * problem document.
 */
@QuarkusTest
class StaffShellTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern NAV = Pattern.compile("<nav id=\"nav\">(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private static String page(String cookie, String path) {
        var request = given().redirects().follow(false).accept(HTML);
        if (cookie != null) {
            request.cookie("huiyin_token", cookie);
        }
        return request.get(path).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    }

    private static List<String> navLinks(String html) {
        Matcher nav = NAV.matcher(html);
        assertThat(nav.find()).as("the header has its links").isTrue();
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(nav.group(1));
        while (href.find()) {
            links.add(href.group(1));
        }
        return links;
    }

    private static String header(String html) {
        return html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
    }

    @Test
    void a_commissioner_sees_their_name_role_unit_and_only_their_pages() {
        String html = page(cookieFor("commissioner-tax"), "/");

        assertThat(header(html)).contains("<span id=\"who-name\">税务局 服务专员 周涛</span>")
                .contains("<span id=\"who-role\">服务专员</span>")
                .contains("<span id=\"who-unit\">国家税务总局广州市天河区税务局</span>")
                .contains("action=\"/signout\"").contains("退出登录").doesNotContain("工作人员登录");
        assertThat(navLinks(html)).containsExactly("/workqueue", "/evaluation/contests", "/knowledge", "/notices", "/ranking", "/sla");
    }

    @Test
    void a_dispatcher_sees_the_dispatch_desk_and_not_the_others() {
        String html = page(cookieFor("dispatcher-demo"), "/dispatch");

        assertThat(header(html)).contains("<span id=\"who-role\">派单员</span>")
                .contains("<span id=\"who-unit\">天河区发展和改革局</span>");
        assertThat(navLinks(html)).containsExactly("/dispatch", "/supervision", "/evaluation/visits", "/evaluation/contests", "/notices",
                "/ranking", "/sla");
    }

    @Test
    void a_district_leader_sees_the_metrics_and_has_no_unit() {
        String html = page(cookieFor("district-leader"), "/sla");

        assertThat(header(html)).contains("<span id=\"who-name\">区营商办 领导 郑华</span>")
                .contains("<span id=\"who-role\">区领导</span>").doesNotContain("who-unit");
        assertThat(navLinks(html)).containsExactly("/supervision", "/evaluation/contests", "/leader/metrics", "/knowledge", "/admin/reveals", "/notices",
                "/ranking", "/sla");
    }

    @Test
    void an_agent_sees_the_agent_desk() {
        String html = page(cookieFor("agent-demo"), "/desk/phone");

        assertThat(header(html)).contains("<span id=\"who-role\">话务员</span>").contains("退出登录");
        assertThat(navLinks(html)).containsExactly("/desk/phone", "/notices", "/ranking", "/sla");
    }

    @Test
    void a_unit_leader_sees_the_queue_and_the_metrics() {
        String html = page(cookieFor("leader-samr"), "/leader/metrics");

        assertThat(header(html)).contains("<span id=\"who-role\">单位领导</span>");
        assertThat(navLinks(html)).containsExactly("/workqueue", "/supervision/orders", "/evaluation/contests", "/leader/metrics",
                "/knowledge", "/notices", "/ranking", "/sla");
    }

    @Test
    void a_visitor_sees_the_appellant_links_and_the_staff_sign_in() {
        String html = page(null, "/");

        assertThat(navLinks(html)).containsExactly("/appeals/new", "/appeals/lookup", "/policies");
        assertThat(header(html)).contains("href=\"/signin\"").contains("工作人员登录").doesNotContain("退出登录")
                .doesNotContain("who-name");
    }

    @Test
    void a_token_that_fails_verification_leaves_a_public_page_working_for_a_visitor() {
        String token = cookieFor("commissioner-tax");
        // the same claims under a signature that does not match them
        String forged = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        String html = page(forged, "/appeals/lookup");

        assertThat(header(html)).contains("工作人员登录").doesNotContain("服务专员");
    }

    @Test
    void signing_out_clears_the_cookies_and_goes_home() {
        String agent = cookieFor("agent-demo");
        ExtractableResponse<Response> answer = StaffPages.browser(agent).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", csrfFor(agent))
                .post("/signout")
                .then().statusCode(303).extract();

        assertThat(answer.header("Location")).endsWith("/");
        List<String> setCookies = answer.headers().getValues("Set-Cookie");
        assertThat(setCookies).filteredOn(cookie -> cookie.startsWith("huiyin_token=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).startsWith("huiyin_token=;").contains("Max-Age=0")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/"));
        assertThat(setCookies).as("the anti-forgery cookie ends with the sign-in")
                .filteredOn(cookie -> cookie.startsWith("huiyin_csrf=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).startsWith("huiyin_csrf=;").contains("Max-Age=0")
                        .contains("Path=/"));
        assertThat(answer.cookie("huiyin_token")).isEmpty();
    }

    @Test
    void a_browser_without_a_session_is_sent_to_sign_in_and_back() {
        String location = given().redirects().follow(false).accept(HTML).get("/workqueue")
                .then().statusCode(303).extract().header("Location");

        assertThat(location).contains("/signin?to=");
        String to = URLDecoder.decode(location.substring(location.indexOf("to=") + 3), StandardCharsets.UTF_8);
        assertThat(to).isEqualTo("/workqueue");

        String signIn = page(null, "/signin?to=/workqueue");
        assertThat(signIn).contains("工作人员登录").contains("登录后将打开：<a href=\"/workqueue\">工作台</a>")
                .contains("<h2>服务专员</h2>").contains("<h2>派单员</h2>").contains("<h2>话务员</h2>")
                .contains("href=\"/demo/login/commissioner-tax?to=%2Fworkqueue\"")
                .contains("href=\"/demo/login/commissioner-samr?to=%2Fworkqueue\"")
                .contains("href=\"/demo/login/district-leader?to=%2Fworkqueue\"");
        // the commissioners, one per unit, are listed together under one heading
        assertThat(signIn.split("<h2>服务专员</h2>", -1)).hasSize(2);
        assertThat(signIn.indexOf("commissioner-samr")).isBetween(signIn.indexOf("<h2>服务专员</h2>"),
                signIn.indexOf("<h2>", signIn.indexOf("<h2>服务专员</h2>") + 1));
    }

    @Test
    void the_page_and_its_query_survive_the_round_trip_but_nothing_off_site_does() {
        String location = given().redirects().follow(false).accept(HTML).get("/leader/metrics?from=2026-04-01")
                .then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(location.substring(location.indexOf("to=") + 3), StandardCharsets.UTF_8))
                .isEqualTo("/leader/metrics?from=2026-04-01");

        String offSite = page(null, "/signin?to=//evil.example");
        assertThat(offSite).doesNotContain("evil.example").doesNotContain("登录后将打开")
                .contains("href=\"/demo/login/agent-demo\"");
    }

    @Test
    void an_api_client_without_a_session_keeps_the_problem_document() {
        // a page answers only HTML, so a client that takes JSON alone is refused by content negotiation (406) first
        given().redirects().follow(false).accept("application/json, */*;q=0.1").get("/workqueue")
                .then().statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(401));
        given().redirects().follow(false).get("/workqueue")
                .then().statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE));
        given().redirects().follow(false).accept(HTML).get("/api/v1/workqueue")
                .then().statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void a_browser_with_an_unverifiable_token_is_sent_to_sign_in() {
        given().redirects().follow(false).accept(HTML).cookie("huiyin_token", "forged.token.value").get("/desk/phone")
                .then().statusCode(303).header("Location", containsString("/signin?to=%2Fdesk%2Fphone"));
    }

    @Test
    void a_role_that_may_not_open_a_page_gets_a_chinese_refusal_in_a_browser() {
        String commissioner = cookieFor("commissioner-tax");

        String html = given().redirects().follow(false).accept(HTML).cookie("huiyin_token", commissioner)
                .get("/leader/metrics").then().statusCode(403).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("<h1>无权访问</h1>").contains("您当前的身份（服务专员）无权打开此页面。")
                .contains("<span id=\"who-role\">服务专员</span>");
        assertThat(navLinks(html)).containsExactly("/workqueue", "/evaluation/contests", "/knowledge", "/notices", "/ranking", "/sla");

        given().redirects().follow(false).accept("application/json, */*;q=0.1").cookie("huiyin_token", commissioner)
                .get("/leader/metrics").then().statusCode(403).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(403));
    }
}
