package cn.huiyin.channel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The enterprise's pages, driven like a browser without JavaScript: plain form posts and links. */
@QuarkusTest
class AppealPagesTest {

    /** How an instant prints when a page forgets to format it: {@code 2026-12-06T01:30:00.123456Z}. */
    static final String RAW_INSTANT = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z";

    @Inject
    Database db;

    private static RequestSpecification form(String uscc, String submissionId) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("uscc", uscc).formParam("enterpriseName", "广州页面测试有限公司")
                .formParam("contactName", "李四").formParam("contactMobile", "13912345678")
                .formParam("appealType", "CONSULT").formParam("category", "BIZ_REG")
                .formParam("title", "营业执照变更咨询")
                .formParam("description", "我司拟变更经营范围，想了解需要准备哪些材料以及能否全程网办。")
                .formParam("consent", "on").formParam("submissionId", submissionId);
    }

    @Test
    void the_form_lists_the_catalogue_in_chinese() {
        given().get("/appeals/new").then().statusCode(200)
                .body(containsString("提交诉求")).body(containsString("商事登记(开办、变更、注销、证照)"));
    }

    @Test
    void a_submitted_form_shows_the_tracking_number_and_query_code_and_a_resend_stores_nothing_new() {
        String uscc = Usccs.random();
        String submissionId = UUID.randomUUID().toString();
        String page = form(uscc, submissionId).post("/appeals/new").then().statusCode(200)
                .body(containsString("诉求已受理")).extract().asString();
        form(uscc, submissionId).post("/appeals/new").then().statusCode(200);

        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE uscc = $1", uscc);
        String spoken = trackingNo.substring(0, 6) + " " + trackingNo.substring(6, 12) + " " + trackingNo.substring(12);
        assertThat(page).contains(spoken);
        assertThat(db.appealsOf(uscc)).isEqualTo(1);

        String queryCode = page.replaceAll("(?s).*id=\"query-code\">([2-9A-Z]{8})<.*", "$1");
        given().get("/appeals/lookup?trackingNo=" + trackingNo).then().statusCode(200)
                .body(containsString("value=\"" + trackingNo + "\""));
        String lookup = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("trackingNo", spoken).formParam("queryCode", queryCode).post("/appeals/lookup")
                .then().statusCode(200).body(containsString("已派单")).body(containsString("天河区市场监督管理局"))
                .extract().asString();
        // times as a person reads them: Beijing time to the minute, never the stored UTC instant
        String received = db.string("SELECT to_char(e.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') "
                + "FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id WHERE a.tracking_no = $1 AND e.seq = 1", trackingNo);
        assertThat(lookup).contains("<td>" + received + "</td>").doesNotContainPattern(RAW_INSTANT);
        // and codes by their Chinese names
        assertThat(lookup).contains("诉求类型 咨询", "诉求分类 商事登记(开办、变更、注销、证照)", "受理渠道 网页")
                .doesNotContain("CONSULT", "BIZ_REG", ">WEB<", " WEB ");
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("trackingNo", trackingNo).formParam("queryCode", "WRONG234").post("/appeals/lookup")
                .then().statusCode(200).body(containsString("未找到该诉求"));
    }

    @Test
    void a_form_with_mistakes_comes_back_with_chinese_messages_and_the_typed_values() {
        String uscc = "914403001922038217";
        form(uscc, UUID.randomUUID().toString()).formParam("contactMobile", "12345").post("/appeals/new")
                .then().statusCode(422)
                .body(containsString("统一社会信用代码")).body(containsString("营业执照变更咨询"));
        assertThat(db.appealsOf(uscc)).isZero();
    }
}
