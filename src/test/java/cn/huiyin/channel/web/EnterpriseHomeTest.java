package cn.huiyin.channel.web;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A signed-in enterprise's own pages: its appeals newest first with their status and time limits, its 服务专员 card,
 * and the appeal form that knows who it is — and a form that says otherwise is stored under the token's credit code.
 */
@QuarkusTest
class EnterpriseHomeTest {

    private static final String TAX_NAME = "国家税务总局广州市天河区税务局";

    @Inject
    Database db;

    /** An enterprise of this test's own in the register, with a user who signs in for it. */
    private record Enterprise(String uscc, String name, String user) {
    }

    private Enterprise enterprise(boolean key) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Enterprise e = new Enterprise(Usccs.random(), "广州首页测试" + suffix + "有限公司", "home-ent-" + suffix);
        db.execute("INSERT INTO enterprise (uscc, name, key_enterprise) VALUES ($1, $2, $3)", e.uscc(), e.name(), key);
        db.execute("INSERT INTO staff_member (username, display_name, role, uscc) VALUES ($1, $2, 'enterprise', $3)",
                e.user(), e.name() + " 联系人", e.uscc());
        return e;
    }

    /** A TAX commissioner of this test's own, off duty so that no other test's appeal goes to them. */
    private String commissioner(String displayName, String mobile) {
        String name = "home-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty, mobile) VALUES ($1, $2, 'commissioner', 'TAX', false, $3)",
                name, displayName, mobile);
        return name;
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The appeal form as the browser posts it, with the anti-forgery token its page carries (if it carries one). */
    private static RequestSpecification form(String cookie, String uscc, String name, String title) {
        ExtractableResponse<Response> opened = get(cookie, "/appeals/new").statusCode(200).extract();
        String page = opened.asString();
        RequestSpecification request = given().cookie("huiyin_token", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("uscc", uscc).formParam("enterpriseName", name).formParam("contactName", "张三")
                .formParam("contactMobile", "13800138000").formParam("category", "TAX_SERVICE")
                .formParam("appealType", "HELP").formParam("title", title)
                .formParam("description", "我司开具数电发票时一直提示授信额度不足，影响正常经营，请协助处理。")
                .formParam("consent", "on").formParam("submissionId", UUID.randomUUID().toString());
        Matcher csrf = CSRF.matcher(page);
        // the page gives a signed-in browser its anti-forgery cookie along with the form
        String csrfCookie = opened.cookie("huiyin_csrf");
        if (csrfCookie != null) {
            request.cookie("huiyin_csrf", csrfCookie);
        }
        return csrf.find() ? request.formParam("_csrf", csrf.group(1)) : request;
    }

    private static String submitted(String cookie, Enterprise e, String title) {
        String receipt = form(cookie, e.uscc(), e.name(), title).post("/appeals/new").then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"/appeals/mine/(\\d{13})\"").matcher(receipt);
        assertThat(link.find()).as("the receipt links the appeal in 我的诉求").isTrue();
        return link.group(1);
    }

    @Test
    void a_key_enterprise_sees_its_named_commissioner_with_the_unit_and_a_masked_mobile() {
        Enterprise e = enterprise(true);
        String named = commissioner("税务局 服务专员 首页测试", "13912345678");
        String backup = commissioner("税务局 备岗专员 首页测试", null);
        db.execute("INSERT INTO key_enterprise_commissioner (uscc, unit_code, commissioner, backup) VALUES ($1, 'TAX', $2, $3)",
                e.uscc(), named, backup);

        String page = get(cookieFor(e.user()), "/appeals/mine").statusCode(200).extract().asString();

        String card = page.substring(page.indexOf("id=\"service-card\""), page.indexOf("</section>"));
        assertThat(card).contains("服务专员").contains(TAX_NAME).contains("税务局 服务专员 首页测试")
                .contains("139****5678").contains("来电号码即上表的工作手机").contains("税务局 备岗专员 首页测试")
                .contains("href=\"/appeals/new\"")
                .doesNotContain("13912345678").doesNotContain("在岗的服务专员办理");
        assertThat(page).contains(e.name());
    }

    @Test
    void any_other_enterprise_is_told_its_appeals_go_to_each_units_on_duty_commissioners() {
        Enterprise e = enterprise(false);

        String page = get(cookieFor(e.user()), "/appeals/mine").statusCode(200).extract().asString();

        assertThat(page).contains("id=\"on-duty\"").contains("当日在岗的服务专员办理").doesNotContain("id=\"commissioners\"");
    }

    @Test
    void the_form_knows_the_signed_in_enterprise_and_a_visitor_types_it() {
        Enterprise e = enterprise(false);

        String page = get(cookieFor(e.user()), "/appeals/new").statusCode(200).extract().asString();

        assertThat(page).contains("id=\"signed-in-enterprise\"")
                .containsPattern("id=\"uscc\" name=\"uscc\"[^>]*value=\"" + e.uscc() + "\" required readonly>")
                .containsPattern("id=\"enterpriseName\" name=\"enterpriseName\"[^>]*value=\"" + e.name() + "\" required readonly>");
        String visitor = given().get("/appeals/new").then().statusCode(200).extract().asString();
        assertThat(visitor).doesNotContain("readonly").doesNotContain("signed-in-enterprise");
    }

    @Test
    void a_posted_form_with_another_credit_code_is_stored_under_the_tokens() {
        Enterprise e = enterprise(false);
        String cookie = cookieFor(e.user());
        String other = Usccs.random();

        String receipt = form(cookie, other, "冒名企业有限公司", "首页测试：换码提交").post("/appeals/new").then().statusCode(200)
                .extract().asString();

        assertThat(receipt).contains("诉求已受理").doesNotContain("id=\"query-code\"").contains("href=\"/appeals/mine/");
        assertThat(db.appealsOf(other)).isZero();
        assertThat(db.appealsOf(e.uscc())).isOne();
        assertThat(db.string("SELECT enterprise_name || '/' || identity_state FROM appeal WHERE uscc = $1", e.uscc()))
                .isEqualTo(e.name() + "/AUTHENTICATED");
    }

    @Test
    void the_list_shows_the_newest_first_with_status_and_the_respond_and_handle_limits() {
        Enterprise e = enterprise(false);
        String cookie = cookieFor(e.user());
        String first = submitted(cookie, e, "首页测试：第一件");
        String second = submitted(cookie, e, "首页测试：第二件");
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("""
                SELECT count(*) FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                WHERE a.uscc = $1 AND c.clock IN ('RESPOND', 'HANDLE')""", e.uscc()) == 4);

        String page = get(cookie, "/appeals/mine").statusCode(200).extract().asString();

        assertThat(page.indexOf(second)).as("newest first").isPositive().isLessThan(page.indexOf(first));
        assertThat(page).contains("<th>状态</th>").contains("<th>响应时限</th>").contains("<th>处置时限</th>")
                .containsPattern("<td class=\"respond\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}[^<]* 前")
                .containsPattern("<td class=\"handle\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}[^<]* 前");
        // the appeal's own page shows the same two limits
        assertThat(get(cookie, "/appeals/mine/" + second).statusCode(200).extract().asString())
                .contains("id=\"clocks\"").contains("响应").contains("处置");
    }
}
