package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The agent's desk in a browser: signed in by cookie, a live call, the pre-filled order, the number to read out. */
@QuarkusTest
class AgentDeskPageTest {

    @Inject
    Database db;

    private static String cookieFor(String user) {
        return given().redirects().follow(false).get("/demo/login/" + user + "?to=/desk/phone")
                .then().statusCode(303).extract().cookie("huiyin_token");
    }

    /** A form the agent's browser posts: their cookies and the token the desk's form carries. */
    private static RequestSpecification formAs(String agent) {
        return StaffPages.browser(agent).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", StaffPages.csrfFor(agent));
    }

    @Test
    void a_live_call_is_listed_pre_fills_the_order_with_the_known_enterprise_and_submitting_gives_the_number() {
        String number = "136" + String.format("%08d", (int) (Math.random() * 1e8));
        String uscc = Usccs.random();
        // the caller appealed before, so the desk recognises the enterprise by the number
        Cti.post(Cti.workOrder("evt-" + UUID.randomUUID(), "c-old-" + UUID.randomUUID(), number, uscc, "TAX_SERVICE"));
        String callId = "c-" + UUID.randomUUID();
        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "newCall", callId, "in", number, "2026-11-25T02:00:00Z", ""));
        String agent = cookieFor("agent-demo");

        given().cookie("huiyin_token", agent).get("/desk/phone").then().statusCode(200)
                .body(containsString(number)).body(containsString("/desk/phone?callId=" + callId));
        given().cookie("huiyin_token", agent).get("/desk/phone?callId=" + callId).then().statusCode(200)
                .body(containsString("value=\"" + number + "\"")).body(containsString("value=\"" + uscc + "\""))
                .body(containsString("来电人此前的诉求"));

        String submissionId = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) { // a resent form stores one appeal
            formAs(agent)
                    .formParam("callId", callId).formParam("contactName", "赵女士").formParam("contactMobile", number)
                    .formParam("uscc", uscc).formParam("appealType", "HELP").formParam("category", "TAX_SERVICE")
                    .formParam("description", "来电反映退税进度查询不到，希望税务部门尽快联系说明情况。")
                    .formParam("submissionId", submissionId)
                    .post("/desk/phone/work-orders").then().statusCode(200)
                    .body(containsString("请向来电人读出诉求编号"));
        }
        assertThat(db.count("SELECT count(*) FROM appeal WHERE call_id = $1", callId)).isEqualTo(1);
        assertThat(db.string("SELECT actor FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id "
                + "WHERE a.call_id = $1 AND e.seq = 1", callId)).isEqualTo("agent:agent-demo");
    }

    @Test
    void the_query_code_read_out_opens_the_appeal_on_the_lookup_page() {
        String agent = cookieFor("agent-demo");
        String page = formAs(agent)
                .formParam("contactName", "钱先生").formParam("contactMobile", "13912345678")
                .formParam("appealType", "CONSULT").formParam("category", "TAX_SERVICE")
                .formParam("description", "来电咨询小规模纳税人季度申报的截止时间和需要准备的材料。")
                .formParam("submissionId", UUID.randomUUID().toString())
                .post("/desk/phone/work-orders").then().statusCode(200)
                .body(containsString("请向来电人读出诉求编号和查询码")).extract().asString();
        String spoken = between(page, "id=\"accepted-tracking-no\">", "<");
        String code = between(page, "id=\"accepted-query-code\">", "<");
        String trackingNo = TrackingNumber.parse(spoken).orElseThrow().value();

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("trackingNo", trackingNo).formParam("queryCode", code)
                .post("/appeals/lookup").then().statusCode(200)
                .body(containsString("来电咨询小规模纳税人季度申报")).body(containsString("电话"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("trackingNo", trackingNo).formParam("queryCode", "WRONG1")
                .post("/appeals/lookup").then().statusCode(200)
                .body(containsString("未找到该诉求")).body(not(containsString("来电咨询小规模纳税人季度申报")));
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        assertThat(start).as("page contains %s", before).isNotNegative();
        start += before.length();
        return text.substring(start, text.indexOf(after, start)).trim();
    }

    @Test
    void the_desk_shows_call_times_in_beijing_time_to_the_minute() {
        String number = "137" + String.format("%08d", (int) (Math.random() * 1e8));
        String missed = "c-" + UUID.randomUUID();
        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "newCall", missed, "in", "138" + number.substring(3),
                "2026-11-25T01:58:00Z", ""));
        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "hangup", missed, "in", "138" + number.substring(3),
                "2026-11-25T01:59:30Z", ",\"cause\":\"cancel\""));
        Cti.post(Cti.callEvent("evt-" + UUID.randomUUID(), "newCall", "c-" + UUID.randomUUID(), "in", number,
                "2026-11-25T02:00:00Z", ""));

        String page = given().cookie("huiyin_token", cookieFor("agent-demo")).get("/desk/phone").then().statusCode(200)
                .extract().asString();
        // 02:00 UTC is 10:00 in Beijing; no time is printed as the stored UTC instant
        assertThat(page).contains(number + "</td><td>2026-11-25 10:00</td>")
                .doesNotContainPattern("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
        String callbacks = page.substring(page.indexOf("id=\"callbacks\""), page.indexOf("</table>", page.indexOf("id=\"callbacks\"")));
        assertThat(callbacks).containsPattern("<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</td>");
    }

    @Test
    void a_work_order_with_mistakes_comes_back_with_chinese_messages_and_stores_nothing() {
        formAs(cookieFor("agent-demo"))
                .formParam("contactName", "赵女士").formParam("contactMobile", "12345").formParam("description", "太短")
                .post("/desk/phone/work-orders").then().statusCode(422)
                .body(containsString("联系人手机号码")).body(not(containsString("请向来电人读出诉求编号")));
    }

    @Test
    void only_agents_may_use_the_desk() {
        given().get("/desk/phone").then().statusCode(401);
        given().cookie("huiyin_token", cookieFor("commissioner-tax")).get("/desk/phone").then().statusCode(403);
        given().cookie("huiyin_token", "forged.token.value").get("/desk/phone").then().statusCode(401);
    }

    @Test
    void the_agent_can_ask_for_a_category_suggestion_before_submitting_and_nothing_is_stored() {
        String number = "135" + String.format("%08d", (int) (Math.random() * 1e8));
        formAs(cookieFor("agent-demo"))
                .formParam("contactName", "钱先生").formParam("contactMobile", number).formParam("action", "suggest")
                .formParam("description", "公司在电子税务局开具数电发票一直提示授信额度不足，没法开票")
                .post("/desk/phone/work-orders").then().statusCode(200)
                .body(containsString("建议分类：")).body(containsString("value=\"TAX_SERVICE\" selected"));
        assertThat(db.count("SELECT count(*) FROM appeal WHERE mobile = $1", number)).isZero();
    }

    private static RequestSpecification orderForm(String agent, String number, String submissionId,
            String description) {
        return formAs(agent)
                .formParam("contactName", "孙先生").formParam("contactMobile", number).formParam("appealType", "HELP")
                .formParam("category", "TAX_SERVICE").formParam("description", description)
                .formParam("submissionId", submissionId);
    }

    @Test
    void a_form_resent_with_other_content_is_a_conflict_naming_the_first_appeal_and_stores_nothing() {
        String agent = cookieFor("agent-demo");
        String number = "134" + String.format("%08d", (int) (Math.random() * 1e8));
        String submissionId = UUID.randomUUID().toString();
        String description = "来电反映发票认证平台无法登录，影响本月抵扣，希望尽快处理。";
        orderForm(agent, number, submissionId, description).post("/desk/phone/work-orders").then().statusCode(200);
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE dedupe_key = $1", "PHONE:desk-" + submissionId);
        String spoken = TrackingNumber.parse(trackingNo).orElseThrow().spoken();

        orderForm(agent, number, submissionId, description + "另外还想咨询出口退税。").post("/desk/phone/work-orders").then()
                .statusCode(409).body(containsString("该表单已提交为诉求 " + spoken))
                .body(containsString("本次内容与当时不同")).body(not(containsString("请向来电人读出诉求编号")))
                .body(not(containsString("value=\"" + submissionId + "\"")));
        // the same content again is the first appeal, as a resent form always was
        orderForm(agent, number, submissionId, description).post("/desk/phone/work-orders").then().statusCode(200)
                .body(containsString(spoken));

        assertThat(db.count("SELECT count(*) FROM appeal WHERE mobile = $1", number)).isEqualTo(1);
        assertThat(db.string("SELECT content FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo(description);
    }

    @Test
    void hidden_fields_the_page_never_wrote_are_refused_and_store_nothing() {
        String agent = cookieFor("agent-demo");
        String number = "133" + String.format("%08d", (int) (Math.random() * 1e8));
        String description = "来电反映社保缴费基数调整后系统无法申报，请协助。";
        orderForm(agent, number, UUID.randomUUID().toString(), description).formParam("callId", "c".repeat(5_000))
                .post("/desk/phone/work-orders").then().statusCode(422).body(containsString("来电标识无效"));
        orderForm(agent, number, "s".repeat(5_000), description)
                .post("/desk/phone/work-orders").then().statusCode(422).body(containsString("表单已失效"));
        for (String callId : new String[] {"c".repeat(200), "来电"}) { // selects no call, fails nothing
            given().cookie("huiyin_token", agent).queryParam("callId", callId).get("/desk/phone").then().statusCode(200);
        }
        // a NUL never reaches the database (which would fail on it); the server's edge may refuse it first
        assertThat(given().cookie("huiyin_token", agent).queryParam("callId", "c" + (char) 0 + "x").get("/desk/phone")
                .statusCode()).isIn(200, 400);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE mobile = $1", number)).isZero();
    }
}
