package cn.huiyin.shared.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.RawHttp;
import cn.huiyin.testsupport.RawHttp.Answer;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What a hostile-input run sends to the edges: every case is refused with a 4xx problem document (or page) naming
 * what was wrong, at once, and nothing is stored; and what the edges must take, they take.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database db;

    /** A request that is never answered fails the test instead of hanging it. */
    private static RequestSpecification impatient() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 5_000).setParam("http.connection.timeout", 5_000)))
                .redirects().follow(false);
    }

    private static String validJson(String uscc) throws Exception {
        Map<String, Object> body = Appeals.validSubmission();
        body.put("uscc", uscc);
        return JSON.writeValueAsString(body);
    }

    private void refusedAndNothingStored(String uscc, String body, int status, String field) {
        impatient().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/appeals")
                .then().statusCode(status).contentType(Problem.MEDIA_TYPE).body("field", equalTo(field));
        assertThat(db.appealsOf(uscc)).isZero();
    }

    @Test
    void a_key_given_twice_is_refused_naming_it() throws Exception {
        String uscc = Usccs.random();
        String body = validJson(uscc).replaceFirst("\\{", "{\"title\":\"第一个标题\",");
        refusedAndNothingStored(uscc, body, 400, "title");
    }

    @Test
    void anything_after_the_json_value_is_refused() throws Exception {
        String uscc = Usccs.random();
        refusedAndNothingStored(uscc, validJson(uscc) + " trailing", 400, "body");
        refusedAndNothingStored(uscc, validJson(uscc) + validJson(uscc), 400, "body");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"title\":12345678", "\"enterpriseName\":true", "\"contactName\":1.5", "\"consent\":1",
            "\"consent\":\"true\"", "\"consent\":\"\"", "\"consent\":1000000000000000000000000000000",
            "\"urgent\":0", "\"urgent\":\"false\"", "\"title\":[\"数电发票\"]", "\"description\":{\"a\":1}" })
    void values_of_the_wrong_type_are_refused_not_coerced(String replacement) throws Exception {
        String uscc = Usccs.random();
        String field = replacement.substring(1, replacement.indexOf('"', 1));
        Map<String, Object> body = Appeals.validSubmission();
        body.put("uscc", uscc);
        body.remove(field);
        String json = JSON.writeValueAsString(body).replaceFirst("\\{", "{" + replacement + ",");
        refusedAndNothingStored(uscc, json, 400, field);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\ud800\\u4e00", "\\u4e00\\udc00", "\\u001b[31m", "a\\u0008b", "\\u0000", "\\u0085", "\\uffff" })
    void text_no_store_can_keep_is_refused_naming_the_field(String escaped) throws Exception {
        String uscc = Usccs.random();
        String json = validJson(uscc).replace("\"数电发票开具失败\"", "\"数电发票" + escaped + "开具失败\"");
        impatient().contentType(ContentType.JSON).body(json).post("/api/v1/appeals").then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("title")).body("errors[0].code", equalTo("title.control"));
        assertThat(db.appealsOf(uscc)).isZero();
    }

    @Test
    void a_vertical_tab_in_a_mobile_number_is_refused() throws Exception {
        String uscc = Usccs.random();
        String json = validJson(uscc).replace("\"+86 138-0013-8000\"", "\"138\\u000b00138000\"");
        impatient().contentType(ContentType.JSON).body(json).post("/api/v1/appeals").then().statusCode(422)
                .body("field", equalTo("contactMobile"));
        assertThat(db.appealsOf(uscc)).isZero();
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_overlong_forms_included() throws Exception {
        for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xFF }, { (byte) 0xE6, (byte) 0x95 } }) {
            String uscc = Usccs.random();
            String[] halves = validJson(uscc).split("数电发票开具失败");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(halves[0].getBytes(StandardCharsets.UTF_8));
            body.write(bad);
            body.write(halves[1].getBytes(StandardCharsets.UTF_8));
            impatient().contentType(ContentType.JSON).body(body.toByteArray()).post("/api/v1/appeals").then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("body"));
            assertThat(db.appealsOf(uscc)).isZero();
        }
    }

    @Test
    void a_body_without_a_content_type_is_refused() throws Exception {
        String uscc = Usccs.random();
        Answer json = RawHttp.post("/api/v1/appeals", null, validJson(uscc).getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.body()).contains("\"field\":\"Content-Type\"");
        Answer cti = RawHttp.post("/api/v1/cti/test-cti-token-0001", null,
                "event=newCall&direction=in&from=13800138000&to=020-12345&callId=z-no-type".getBytes(StandardCharsets.UTF_8));
        assertThat(cti.status()).isEqualTo(415);
        assertThat(db.appealsOf(uscc)).isZero();
        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = 'z-no-type'")).isZero();
    }

    @Test
    void path_parameters_and_control_characters_in_paths_are_refused() {
        Answer matrix = RawHttp.post("/api/v1/cti/test-cti-token-0001;x=1", "application/x-www-form-urlencoded",
                "event=newCall&direction=in&from=13800138000&to=020-12345&callId=z-matrix".getBytes(StandardCharsets.UTF_8));
        assertThat(matrix.status()).isEqualTo(400);
        assertThat(matrix.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(matrix.body()).contains("\"field\":\"path\"");
        assertThat(db.count("SELECT count(*) FROM call_record WHERE call_id = 'z-matrix'")).isZero();
        assertThat(RawHttp.send("GET", "/api/v1/appeals/2611250000510%00", Map.of(), null).status()).isEqualTo(400);
        // the HTTP server itself refuses a malformed escape in the query before any handler sees it
        assertThat(RawHttp.send("GET", "/appeals/lookup?trackingNo=%zz", Map.of(), null).status()).isEqualTo(400);
        Answer query = RawHttp.send("GET", "/appeals/lookup?trackingNo=%00", Map.of(), null);
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body()).contains("\"field\":\"query\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/appeals/new", "/appeals/lookup", "/desk/phone/work-orders", "/workqueue/2611250000510/note",
            "/dispatch/2611250000510/dispatch", "/api/v1/cti/test-cti-token-0001", "/rate/abc" })
    void a_form_with_malformed_percent_encoding_is_answered_at_once(String path) {
        for (String body : new String[] { "note=%zz", "note=abc%", "from=%zz&event=newCall", "title=%C0%AF", "%" }) {
            Answer answer = RawHttp.post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).as(path + " " + body).isEqualTo(400);
            assertThat(answer.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        }
        Answer page = RawHttp.send("POST", path, Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
                "note=%".getBytes(StandardCharsets.US_ASCII));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("格式有误");
    }

    @Test
    void an_oversized_form_is_413_with_a_page_for_a_browser() {
        byte[] huge = ("description=" + "%E6%8F%8F".repeat(30_000)).getBytes(StandardCharsets.US_ASCII);
        Answer page = RawHttp.send("POST", "/appeals/new",
                Map.of("Accept", "text/html,application/xhtml+xml", "Content-Type", "application/x-www-form-urlencoded"), huge);
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("过长");
        Answer problem = RawHttp.post("/appeals/new", "application/x-www-form-urlencoded", huge);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void the_web_form_takes_a_description_of_2000_characters_and_refuses_2001_on_its_page() {
        String uscc = Usccs.random();
        String firstLine = "我司开票时一直提示授信额度不足，请协助处理。\r\n";
        // 2,000 characters once the browser's CRLF counts as the one line break it is
        String description = firstLine + "描".repeat(2_000 - (firstLine.length() - 1));
        form(uscc, description).post("/appeals/new").then().statusCode(200).body(containsString("诉求编号"));
        assertThat(db.string("SELECT content FROM appeal WHERE uscc = $1", uscc)).isEqualTo(description.replace("\r\n", "\n"));

        String other = Usccs.random();
        form(other, "描".repeat(2_001)).post("/appeals/new").then().statusCode(422).body(containsString("2000"));
        assertThat(db.appealsOf(other)).isZero();
    }

    private static RequestSpecification form(String uscc, String description) {
        return impatient().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("uscc", uscc).formParam("enterpriseName", "广州测试科技有限公司").formParam("contactName", "张三")
                .formParam("contactMobile", "13800138000").formParam("category", "TAX_SERVICE")
                .formParam("appealType", "HELP").formParam("title", "数电发票开具失败").formParam("description", description)
                .formParam("consent", "on").formParam("submissionId", java.util.UUID.randomUUID().toString());
    }

    @Test
    void the_reply_form_takes_2000_characters() {
        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("description", "园区周边企业夜间排放废气，异味明显，影响我司员工正常办公，请环保部门尽快核查处理。");
        String no = given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
        String cookie = StaffPages.cookieFor(StaffPages.newCommissioner(db, "ECO"));
        StaffPages.post(cookie, "/workqueue/" + no + "/accept").statusCode(303);
        StaffPages.post(cookie, "/workqueue/" + no + "/first-contact", "note", "已电话联系").statusCode(303);
        String answer = "经核查，相关企业已按要求整改，夜间排放已停止。".repeat(100).substring(0, 2_000);
        StaffPages.post(cookie, "/workqueue/" + no + "/reply", "answer", answer).statusCode(303);
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("REPLIED");
    }

    @Test
    void a_forged_host_never_reaches_a_location_header() throws Exception {
        String location = impatient().header("Host", "evil.example").contentType(ContentType.JSON)
                .body(validJson(Usccs.random())).post("/api/v1/appeals").then().statusCode(202).extract().header("Location");
        assertThat(location).startsWith("/api/v1/appeals/").doesNotContain("evil");
        String login = impatient().header("Host", "evil.example").get("/demo/login/agent-demo?to=/desk/phone").then()
                .statusCode(303).extract().header("Location");
        assertThat(login).isEqualTo("/desk/phone");
    }

    @Test
    void pages_carry_the_security_headers() {
        impatient().get("/").then().statusCode(200).header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")));
    }

    @Test
    void a_form_encoded_with_plus_and_crlf_reaches_the_endpoint_decoded() throws Exception {
        String uscc = Usccs.random();
        String body = "uscc=" + uscc + "&enterpriseName=" + URLEncoder.encode("广州测试科技有限公司", StandardCharsets.UTF_8)
                + "&contactName=%E5%BC%A0%E4%B8%89&contactMobile=13800138000&category=TAX_SERVICE&appealType=HELP"
                + "&title=" + URLEncoder.encode("发票 开具失败", StandardCharsets.UTF_8)
                + "&description=" + URLEncoder.encode("第一行，开票时提示授信额度不足。\r\n第二行，请协助处理。", StandardCharsets.UTF_8)
                + "&consent=on&submissionId=" + java.util.UUID.randomUUID();
        assertThat(RawHttp.post("/appeals/new", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.US_ASCII))
                .status()).isEqualTo(200);
        assertThat(db.string("SELECT title FROM appeal WHERE uscc = $1", uscc)).isEqualTo("发票 开具失败");
        assertThat(db.string("SELECT content FROM appeal WHERE uscc = $1", uscc)).contains("不足。\n第二行");
    }
}
