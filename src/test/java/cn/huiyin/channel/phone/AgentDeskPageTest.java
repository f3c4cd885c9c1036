package cn.huiyin.channel.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The agent's desk in a browser: signed in by cookie, a live call, the pre-filled order, the number to read out. */
@QuarkusTest
class AgentDeskPageTest {

    @Inject
    Database db;

    private static String cookieFor(String user) {
        return given().redirects().follow(false).get("/demo/login/" + user + "?to=/desk/phone")
                .then().statusCode(303).extract().cookie("huiyin_token");
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
            given().cookie("huiyin_token", agent).contentType("application/x-www-form-urlencoded; charset=UTF-8")
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
    void a_work_order_with_mistakes_comes_back_with_chinese_messages_and_stores_nothing() {
        given().cookie("huiyin_token", cookieFor("agent-demo")).contentType("application/x-www-form-urlencoded; charset=UTF-8")
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
        given().cookie("huiyin_token", cookieFor("agent-demo")).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("contactName", "钱先生").formParam("contactMobile", number).formParam("action", "suggest")
                .formParam("description", "公司在电子税务局开具数电发票一直提示授信额度不足，没法开票")
                .post("/desk/phone/work-orders").then().statusCode(200)
                .body(containsString("建议分类：")).body(containsString("value=\"TAX_SERVICE\" selected"));
        assertThat(db.count("SELECT count(*) FROM appeal WHERE mobile = $1", number)).isZero();
    }
}
