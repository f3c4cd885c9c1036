package cn.huiyin.shared.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.shared.security.StubOidcProvider.User;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Page sign-in as production does it, against an OpenID provider started by the test (StubOidcProvider, standing in
 * for the Keycloak realm): HUIYIN_OIDC_URL alone turns the sign-in tenants on. A browser (an HTTP client with a cookie
 * jar that follows each redirect itself) opens the commissioner's work queue, is sent to sign in, goes through the
 * provider's authorization code flow and lands on the queue of the unit its ID token names; signing out ends the
 * session here and at the provider, and the queue asks for sign-in again. The demo cookie signs nobody in here.
 */
@QuarkusTest
@TestProfile(CodeFlowSignInTest.WithProvider.class)
class CodeFlowSignInTest {

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubOidcProvider.class));
        }
    }

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    @TestHTTPResource("/")
    URI app;

    @Inject
    Database db;

    private Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(app);
    }

    /** An environmental appeal: it goes to ECO, a unit no other test works in, so its queue stays short. */
    private static String ecoAppeal() {
        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("title", "统一认证测试：夜间废气异味");
        body.put("description", "园区周边企业夜间排放废气，异味明显，影响我司员工正常办公，请环保部门尽快核查处理。");
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    @Test
    void a_commissioner_signs_in_through_the_provider_sees_the_units_queue_and_signs_out() throws Exception {
        String no = ecoAppeal();
        String username = StaffPages.newCommissioner(db, "ECO");
        StubOidcProvider.nextUser = new User(username, "统一认证专员", "commissioner", "ECO", null);

        Page refused = browser.open("/workqueue");
        assertThat(refused.path()).isEqualTo("/signin");
        assertThat(refused.body()).contains("统一身份认证登录（工作人员）")
                .contains("href=\"/signin/staff?to=%2Fworkqueue\"");

        int authorizedBefore = StubOidcProvider.AUTHORIZED.size();
        Page queue = browser.open("/signin/staff?to=%2Fworkqueue");

        assertThat(browser.visited).anyMatch(url -> url.startsWith(StubOidcProvider.issuer() + "/protocol/openid-connect/auth"));
        assertThat(StubOidcProvider.AUTHORIZED.subList(authorizedBefore, StubOidcProvider.AUTHORIZED.size()))
                .singleElement().satisfies(authorization -> {
                    assertThat(authorization.clientId()).isEqualTo("huiyin-staff");
                    assertThat(authorization.redirectUri()).endsWith("/signin/staff");
                    assertThat(authorization.nonce()).isNotBlank();
                });
        assertThat(StubOidcProvider.TOKENS_ISSUED).contains("huiyin-staff " + username);
        assertThat(StubOidcProvider.TOKENS_REFUSED).isEmpty();
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.path()).isEqualTo("/workqueue");
        assertThat(queue.body()).contains("本单位待认领").contains("href=\"/workqueue/" + no + "\"")
                .contains("<span id=\"who-name\">统一认证专员</span>").contains("<span id=\"who-role\">服务专员</span>");
        assertThat(browser.cookies).containsKey("q_session_staff").doesNotContainKey(DemoTokenCookie.NAME);
        assertThat(browser.cookies.get("q_session_staff")).doesNotContain(username).doesNotContain("ECO");
        // the page's live updates read with the session; the rest of the API takes bearer tokens only
        assertThat(browser.statusOf("/api/v1/workqueue/live")).isEqualTo(200);
        assertThat(browser.statusOf("/api/v1/workqueue")).isEqualTo(401);

        Page signingOut = browser.post("/signout", csrfOf(queue.body()));
        assertThat(signingOut.status()).isEqualTo(200);
        assertThat(signingOut.refresh()).isEqualTo("0; url=/signout/staff");
        assertThat(signingOut.body()).contains("href=\"/signout/staff\"");

        int logoutsBefore = StubOidcProvider.LOGOUTS.size();
        // the signing-out page moves the browser on itself: a same-origin navigation
        Page signedOut = browser.navigate("/signout/staff", "same-origin");

        assertThat(StubOidcProvider.LOGOUTS.subList(logoutsBefore, StubOidcProvider.LOGOUTS.size())).singleElement()
                .satisfies(logout -> {
                    assertThat(logout.get("id_token_hint")).isNotBlank();
                    assertThat(logout.get("post_logout_redirect_uri")).endsWith("/signin");
                });
        assertThat(signedOut.path()).isEqualTo("/signin");
        assertThat(browser.cookies).doesNotContainKey("q_session_staff");

        Page again = browser.open("/workqueue");
        assertThat(again.path()).isEqualTo("/signin");
        assertThat(again.body()).contains("统一身份认证登录（工作人员）").doesNotContain("统一认证专员");
    }

    @Test
    void the_sign_in_entry_goes_only_to_a_path_on_this_site_and_knows_only_its_tenants() throws Exception {
        StubOidcProvider.nextUser = new User(StaffPages.newCommissioner(db, "ECO"), "统一认证专员", "commissioner", "ECO", null);
        assertThat(browser.open("/signin/staff?to=%2Fworkqueue").path()).isEqualTo("/workqueue");

        for (String hostile : List.of("%2F%2Fevil.example%2Fx", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example",
                "javascript%3Aalert(1)")) {
            assertThat(browser.open("/signin/staff?to=" + hostile).path()).as(hostile).isEqualTo("/");
        }
        assertThat(browser.statusOf("/signin/Default?to=%2Fworkqueue")).isEqualTo(404);
        assertThat(browser.statusOf("/signin/evil?to=%2Fworkqueue")).isEqualTo(404);
    }

    @Test
    void a_link_from_another_site_to_the_logout_path_signs_nobody_out() throws Exception {
        StubOidcProvider.nextUser = new User(StaffPages.newCommissioner(db, "ECO"), "统一认证专员", "commissioner", "ECO", null);
        assertThat(browser.open("/signin/staff?to=%2Fworkqueue").path()).isEqualTo("/workqueue");
        int logoutsBefore = StubOidcProvider.LOGOUTS.size();

        Page refused = browser.navigate("/signout/staff", "cross-site");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"signout-refused\"");
        assertThat(StubOidcProvider.LOGOUTS).hasSize(logoutsBefore);
        assertThat(browser.cookies).containsKey("q_session_staff");
        Page queue = browser.open("/workqueue");
        assertThat(queue.path()).isEqualTo("/workqueue");
        assertThat(queue.body()).contains("本单位待认领");
    }

    @Test
    void signing_out_of_a_browser_signed_in_to_both_tenants_ends_both_sessions() throws Exception {
        StubOidcProvider.nextUser = new User(StaffPages.newCommissioner(db, "ECO"), "统一认证专员", "commissioner", "ECO", null);
        Page queue = browser.open("/signin/staff?to=%2Fworkqueue");
        assertThat(queue.path()).isEqualTo("/workqueue");
        // the same browser also holds an enterprise session (signed in to it in another tab)
        StubOidcProvider.nextUser = new User("enterprise-oidc", "统一认证企业", "enterprise", null, "91440106MA5CXK8R10");
        Browser otherTab = new Browser(app);
        assertThat(otherTab.open("/signin/enterprise?to=%2Fappeals%2Fmine").path()).isEqualTo("/appeals/mine");
        browser.cookies.put("q_session_enterprise", otherTab.cookies.get("q_session_enterprise"));
        assertThat(browser.cookies).containsKeys("q_session_staff", "q_session_enterprise", "huiyin_csrf");
        browser.cookies.put("q_session_enterprise_chunk_1", "rest-of-a-long-session");
        browser.cookies.put("huiyin_token", "left-from-the-demo");

        Page signingOut = browser.post("/signout", csrfOf(browser.open("/workqueue").body()));

        assertThat(signingOut.refresh()).isEqualTo("0; url=/signout/staff");
        assertThat(browser.cookies).containsKey("q_session_staff")
                .doesNotContainKeys("q_session_enterprise", "q_session_enterprise_chunk_1", "huiyin_token", "huiyin_csrf");
        browser.navigate("/signout/staff", "same-origin");
        assertThat(browser.cookies).doesNotContainKey("q_session_staff");
        assertThat(browser.open("/appeals/mine").path()).isEqualTo("/signin");
    }

    @Test
    void an_enterprise_user_signs_in_on_the_enterprise_client_and_opens_its_appeals() throws Exception {
        StubOidcProvider.nextUser = new User("enterprise-oidc", "统一认证企业", "enterprise", null, "91440106MA5CXK8R10");

        Page mine = browser.open("/signin/enterprise?to=%2Fappeals%2Fmine");

        assertThat(StubOidcProvider.AUTHORIZED.get(StubOidcProvider.AUTHORIZED.size() - 1).clientId())
                .isEqualTo("huiyin-enterprise");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.path()).isEqualTo("/appeals/mine");
        assertThat(browser.cookies).containsKey("q_session_enterprise").doesNotContainKey("q_session_staff");
        // an enterprise may not open a staff page
        assertThat(browser.open("/workqueue").status()).isEqualTo(403);
    }

    @Test
    void a_changed_session_cookie_signs_nobody_in() throws Exception {
        StubOidcProvider.nextUser = new User(StaffPages.newCommissioner(db, "ECO"), "统一认证专员", "commissioner", "ECO", null);
        assertThat(browser.open("/signin/staff?to=%2Fworkqueue").path()).isEqualTo("/workqueue");

        String session = browser.cookies.get("q_session_staff");
        int middle = session.length() / 2;
        browser.cookies.put("q_session_staff", session.substring(0, middle)
                + (session.charAt(middle) == 'A' ? 'B' : 'A') + session.substring(middle + 1));

        Page refused = browser.open("/workqueue");
        assertThat(refused.path()).isEqualTo("/signin");
        assertThat(refused.body()).doesNotContain("本单位待认领").doesNotContain("统一认证专员");
    }

    @Test
    void with_a_provider_the_demo_tokens_sign_nobody_in_and_the_providers_access_tokens_reach_the_api() {
        String demoToken = Appeals.tokenFor("commissioner-samr");
        given().auth().oauth2(demoToken).get("/api/v1/workqueue").then().statusCode(401);
        given().redirects().follow(false).accept(HTML).cookie(DemoTokenCookie.NAME, demoToken).get("/workqueue")
                .then().statusCode(303);

        String providers = StubOidcProvider.accessToken(new User("commissioner-samr", "专员", "commissioner", "SAMR", null));
        given().auth().oauth2(providers).get("/api/v1/workqueue").then().statusCode(200);
    }

    private static String csrfOf(String html) {
        Matcher csrf = CSRF.matcher(html);
        return csrf.find() ? csrf.group(1) : null;
    }

    /** What the browser ended on. */
    record Page(int status, String path, String body, String refresh) {
    }

    /**
     * A browser as far as this flow needs one: keeps the application's cookies (and sends them to it only), follows
     * each redirect itself (to the provider too), GET after a 302/303.
     */
    static final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();
        final List<String> visited = new ArrayList<>();
        private final URI app;
        // HTTP/1.1 as browsers speak it over plain http (no h2c upgrade)
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        Browser(URI app) {
            this.app = app;
        }

        /** The {@code Sec-Fetch-Site} this browser sends with its next navigation (null: none, as older browsers). */
        private String fetchSite;

        Page open(String path) throws IOException, InterruptedException {
            return follow(app.resolve(path), null);
        }

        /** Opens a page as a navigation the browser reports as started from {@code site}. */
        Page navigate(String path, String site) throws IOException, InterruptedException {
            fetchSite = site;
            try {
                return open(path);
            } finally {
                fetchSite = null;
            }
        }

        Page post(String path, String csrf) throws IOException, InterruptedException {
            String form = csrf == null ? "" : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return follow(app.resolve(path), form);
        }

        /** The status of a GET, read from the head alone (an event stream never ends). */
        int statusOf(String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofSeconds(30));
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        }

        private Page follow(URI uri, String form) throws IOException, InterruptedException {
            for (int hop = 0; hop < 10; hop++) {
                visited.add(uri.toString());
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", HTML);
                if (isApp(uri) && !cookies.isEmpty()) {
                    request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
                }
                if (fetchSite != null && isApp(uri)) {
                    request.header("Sec-Fetch-Site", fetchSite);
                }
                if (form != null) {
                    request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (isApp(uri)) {
                    response.headers().allValues("set-cookie").forEach(this::keep);
                }
                String location = response.headers().firstValue("location").orElse(null);
                if (response.statusCode() / 100 != 3 || location == null) {
                    return new Page(response.statusCode(), uri.getPath(), response.body(),
                            response.headers().firstValue("refresh").orElse(null));
                }
                uri = uri.resolve(location);
                form = null;
            }
            throw new IllegalStateException("too many redirects: " + visited);
        }

        private boolean isApp(URI uri) {
            return uri.getPort() == app.getPort();
        }

        /** Keeps a cookie, or forgets it when the server expires it. */
        private void keep(String setCookie) {
            String[] attributes = setCookie.split(";");
            int equals = attributes[0].indexOf('=');
            String name = attributes[0].substring(0, equals).strip();
            String value = attributes[0].substring(equals + 1).strip();
            boolean expired = value.isEmpty();
            for (int i = 1; i < attributes.length; i++) {
                String attribute = attributes[i].strip().toLowerCase();
                if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
                        || attribute.contains("expires=thu, 01 jan 1970") || attribute.contains("expires=thu, 01-jan-1970")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
