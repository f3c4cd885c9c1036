package cn.huiyin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static io.restassured.RestAssured.given;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Browser;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service walked end to end in a real browser, through its pages only: an enterprise submits and follows an
 * appeal, a commissioner answers it, the enterprise rates the answer, and every staff page opens for its role.
 * Each page is saved as a screenshot under {@code target/screenshots} for a look by eye.
 */
@QuarkusTest
class PagesBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Database db;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private void signIn(String user, String path) {
        open("/demo/login/" + user + "?to=" + path);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page is the one asked for, not an error or refusal page: its title and heading, in Chinese. */
    private static void assertPage(String title, String heading) {
        assertThat(browser.getTitle()).contains(title).doesNotContain("错误").doesNotContain("无权");
        assertThat(text("h1")).contains(heading);
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("Internal Server Error");
    }

    /** The staff header names who is signed in, with their role. */
    private static void assertSignedIn(String name, String role) {
        assertThat(text("#who-name")).isEqualTo(name);
        assertThat(text("#who-role")).isEqualTo(role);
        assertThat(find("#signout").getText()).isEqualTo("退出登录");
    }

    @Test
    void an_appeal_goes_from_the_enterprise_to_a_commissioner_and_back_to_be_rated() {
        browser.manage().deleteAllCookies();

        // 1. an anonymous enterprise submits an appeal and follows it by number and query code
        open("/appeals/new");
        assertPage("提交诉求", "提交诉求");
        assertThat(find("#signin").getText()).isEqualTo("工作人员登录");
        find("#uscc").sendKeys(Usccs.random());
        find("#enterpriseName").sendKeys("广州天河浏览器测试科技有限公司");
        find("#contactName").sendKeys("张先生");
        find("#contactMobile").sendKeys("13800138000");
        new Select(find("#appealType")).selectByValue("COMPLAINT");
        new Select(find("#category")).selectByValue("ENVIRONMENT");
        find("#title").sendKeys("页面走查：园区夜间废气");
        find("#description").sendKeys("园区周边企业夜间排放废气，异味明显，影响我司员工正常办公，请环保部门尽快核查处理。");
        find("input[name=consent]").click();
        screenshot("01-appeal-form");
        find("form[action='/appeals/new'] button[type=submit]").click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("query-code")));
        assertPage("诉求已受理", "诉求已受理");
        String lookupHref = find("a[href^='/appeals/lookup?trackingNo=']").getAttribute("href");
        String no = lookupHref.substring(lookupHref.indexOf("trackingNo=") + "trackingNo=".length());
        String code = text("#query-code");
        assertThat(no).isNotBlank();
        assertThat(code).isNotBlank();
        screenshot("02-receipt");

        lookUp(no, code);
        assertThat(text("main h2")).isEqualTo("页面走查：园区夜间废气");
        assertThat(text("#appeal-facts")).contains("环评审批与环境问题");
        assertThat(browser.findElements(By.id("rate-link"))).isEmpty();
        screenshot("03-lookup-submitted");

        // 2. a commissioner of the unit the appeal went to works it to an answer
        String me = StaffPages.newCommissioner(db, "ECO");
        signIn(me, "/workqueue");
        assertPage("工作台", "广州市生态环境局天河分局");
        assertSignedIn("专员 " + me, "服务专员");
        screenshot("04-workqueue");
        find("a[href='/workqueue/" + no + "']").click();
        waiting().until(ExpectedConditions.textToBe(By.id("tracking-no"), no));
        assertThat(text("#appeal-title")).isEqualTo("页面走查：园区夜间废气");
        if (!browser.findElements(By.id("claim")).isEmpty()) {
            find("#claim").click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已认领"));
        }
        find("#accept").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        assertThat(text("#status")).startsWith("签收");

        find("#contact-note").sendKeys("已电话联系张先生，约定现场核查时间");
        find("#first-contact").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已记录首次联系"));

        find("#answer").sendKeys("经现场核查，相关企业已停产整改废气处理设施，我局将持续跟踪监测。");
        find("#reply").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已答复企业"));
        assertThat(text("#status")).startsWith("答复");
        assertThat(text("#timeline")).contains("已签收").contains("已答复")
                .contains("按派单目录：环评审批与环境问题").doesNotContain("catalogue:").doesNotContain("system:");
        screenshot("05-workqueue-answered");

        // 3. the enterprise sees the answer and rates it
        browser.manage().deleteAllCookies();
        lookUp(no, code);
        assertThat(text("#answer")).contains("经现场核查，相关企业已停产整改");
        assertThat(find("#rate-link").getText()).isEqualTo("去评价");
        screenshot("06-lookup-answered");
        find("#rate-link").click();
        waiting().until(ExpectedConditions.titleContains("评价答复"));
        assertPage("评价答复", "评价答复");
        find("input[name=resolved][value=yes]").click();
        browser.findElement(By.xpath("//label[normalize-space(.)='非常满意']/input[@name='level']")).click();
        screenshot("07-rating-form");
        find("form[action^='/rate/'] button[type=submit]").click();
        waiting().until(ExpectedConditions.titleContains("评价已提交"));
        assertPage("评价已提交", "感谢");
        assertThat(text("#outcome")).contains("满意");
        screenshot("08-rating-done");
        // a good rating leaves the appeal evaluated, or archived at once when no return visit is due
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isIn("EVALUATED", "CLOSED");
    }

    private void lookUp(String no, String code) {
        open("/appeals/lookup");
        assertPage("查询进度", "查询办理进度");
        find("#trackingNo").clear();
        find("#trackingNo").sendKeys(no);
        find("#queryCode").sendKeys(code);
        find("form[action='/appeals/lookup'] button[type=submit]").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    }

    @Test
    void a_caller_follows_the_phone_appeal_by_query_code_and_the_signed_in_enterprise_finds_it_among_its_own() {
        // 1. the agent takes the call and reads out the number and the query code
        signIn("agent-demo", "/desk/phone");
        assertPage("话务坐席", "话务坐席");
        find("#contactMobile").sendKeys("13912345678");
        find("#contactName").sendKeys("钱先生");
        find("#uscc").sendKeys("91440106MA5CXK8R10");
        find("#enterpriseName").sendKeys("云帆科技");
        new Select(find("#category")).selectByValue("TAX_SERVICE");
        find("#description").sendKeys("来电咨询研发费用加计扣除的申报时间和需要留存的资料，希望税务部门回电说明。");
        find("button[value=submit]").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("accepted-query-code")));
        String no = text("#accepted-tracking-no").replaceAll("[^0-9]", "");
        String code = text("#accepted-query-code");
        screenshot("12-desk-accepted");

        // 2. the caller looks it up on the website with what was read out
        browser.manage().deleteAllCookies();
        lookUp(no, code);
        assertThat(text("#appeal-facts")).contains("电话").contains("纳税服务");
        screenshot("13-lookup-phone-appeal");

        // 3. the enterprise, signed in, finds it in its own list without a code
        signIn("enterprise-demo", "/appeals/mine");
        assertPage("我的诉求", "我的诉求");
        assertSignedIn("云帆科技 王经理", "企业");
        screenshot("14-my-appeals");
        find("a[href='/appeals/mine/" + no + "']").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertPage("我的诉求", "我的诉求");
        assertThat(text("#appeal-facts")).contains("电话");
        screenshot("15-my-appeal");
    }

    @Test
    void a_unit_leader_decides_an_extension_from_the_work_queue() {
        String no = given().contentType(ContentType.JSON).body(Appeals.with("category", "BIZ_REG"))
                .post("/api/v1/appeals").then().statusCode(202).extract().path("trackingNo");

        signIn("commissioner-samr", "/workqueue/" + no);
        waiting().until(ExpectedConditions.textToBe(By.id("tracking-no"), no));
        if (!browser.findElements(By.id("claim")).isEmpty()) {
            find("#claim").click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已认领"));
        }
        find("#accept").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        find("#workingDays").clear();
        find("#workingDays").sendKeys("3");
        find("#extension-reason").sendKeys("需现场核查多家关联企业的登记材料");
        find("#extension").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已提交延期申请"));

        signIn("leader-samr", "/workqueue");
        assertPage("工作台", "天河区市场监督管理局");
        assertSignedIn("市场监管局 分管领导 刘强", "单位领导");
        By approve = By.xpath("//table[@id='extension-requests']//tr[td/a[text()='" + no + "']]//button[@class='approve']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(approve));
        screenshot("16-leader-workqueue");
        browser.findElement(approve).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已批准延期"));
        assertThat(browser.findElements(approve)).isEmpty();
        assertThat(db.count("SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id "
                + "WHERE a.tracking_no = $1 AND e.type = 'EXTENDED'", no)).isEqualTo(1);

        open("/leader/metrics");
        assertPage("诉求办理指标", "诉求办理指标");
        assertSignedIn("市场监管局 分管领导 刘强", "单位领导");
        open("/evaluation/contests");
        assertPage("申诉复核", "申诉复核");
        screenshot("17-leader-contests");
    }

    @Test
    void a_district_leader_sees_the_metrics_and_the_ranking() {
        signIn("district-leader", "/leader/metrics");
        assertPage("诉求办理指标", "诉求办理指标");
        assertSignedIn("区营商办 领导 郑华", "区领导");
        screenshot("10-leader-metrics");

        open("/ranking");
        assertPage("诉求办理榜单", "诉求办理榜单");
        assertSignedIn("区营商办 领导 郑华", "区领导");
        screenshot("11-ranking");
    }

    @Test
    void every_staff_page_opens_for_its_role() {
        signIn("dispatcher-demo", "/dispatch");
        assertPage("派单台", "派单台");
        assertSignedIn("派单员 黄丽", "派单员");
        screenshot("20-dispatch");
        open("/evaluation/visits");
        assertPage("回访", "回访");
        assertSignedIn("派单员 黄丽", "派单员");
        screenshot("21-evaluation-visits");
        open("/evaluation/contests");
        assertPage("申诉复核", "申诉复核");
        assertSignedIn("派单员 黄丽", "派单员");
        screenshot("22-evaluation-contests");

        signIn("agent-demo", "/desk/phone");
        assertPage("话务坐席", "话务坐席");
        assertSignedIn("话务员 李敏", "话务员");
        screenshot("23-desk-phone");
        open("/sla");
        assertPage("服务时限", "服务时限");
        assertSignedIn("话务员 李敏", "话务员");
        screenshot("24-sla");

        signIn("admin", "/admin/catalogue");
        assertPage("派单目录", "派单目录");
        assertSignedIn("系统管理员", "管理员");
        screenshot("25-admin-catalogue");
        open("/admin/staff");
        assertPage("值班安排", "值班安排");
        assertSignedIn("系统管理员", "管理员");
        screenshot("26-admin-staff");
        open("/admin/key-enterprises");
        assertPage("重点企业服务专员", "重点企业服务专员");
        assertSignedIn("系统管理员", "管理员");
        screenshot("27-admin-key-enterprises");
        // the reveal log is the auditor's (等保三级), not the system administrator's
        signIn("auditor", "/admin/reveals");
        assertPage("个人信息查看记录", "个人信息查看记录");
        assertSignedIn("安全审计员", "安全审计员");
        screenshot("28-admin-reveals");

        // signed out, the header offers the staff sign-in instead of a name
        browser.manage().deleteAllCookies();
        open("/signin");
        assertPage("工作人员登录", "工作人员登录");
        assertThat(browser.findElements(By.id("who-name"))).isEmpty();
        assertThat(find("#signin").getText()).isEqualTo("工作人员登录");
        screenshot("29-signin");
    }
}
