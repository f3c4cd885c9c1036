package cn.huiyin.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.huiyin.shared.web.PageTime;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Browser;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A supervision order walked in a real browser, through the pages only: the district leader finds a late appeal on
 * the desk (督办台) and issues an order, coming back to the page they issued from; the leader of the unit holding it
 * answers on their orders page (督办单); the district leader, back on the desk, reads the unit's explanation
 * (情况说明) on the appeal's line and may issue a new order. Each stage is saved as a screenshot under
 * {@code target/screenshots}.
 */
@QuarkusTest
class SupervisionWalkBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SUPERVISOR = "district-leader";
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

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

    @Test
    void a_district_leader_issues_an_order_the_units_leader_answers_it_and_the_leader_reads_the_answer_on_the_desk() {
        String no = overdueTaxAppeal();
        String leader = newTaxLeader();
        String demand = "请于期限内书面说明该诉求超时未办结的原因及整改措施。";
        String explanation = "经核实，系授信额度调整审批积压所致，已于今日为企业完成额度调整并恢复开票，今后按时办结。";

        // 1. the district leader finds the late appeal on the desk and issues an order through its form
        signIn(SUPERVISOR, "/supervision");
        assertPage("督办台");
        WebElement line = deskLine(no);
        assertThat(line.getText()).contains("数电发票开具失败").contains("国家税务总局广州市天河区税务局").contains("时限已超").contains("督办");
        assertThat(text(line, ".late")).startsWith("超时");
        screenshot("supervision-01-desk");
        line.findElement(By.name("demand")).sendKeys(demand);
        WebElement days = line.findElement(By.name("replyWorkingDays"));
        days.clear();
        days.sendKeys("2");
        screenshot("supervision-02-order-form");
        String deskPage = browser.getCurrentUrl();
        line.findElement(By.cssSelector("button.issue")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已下发督办单"));
        // back on the page of the desk the order was issued from (page 1, or the later page 下一页 led to)
        assertThat(browser.getCurrentUrl()).isEqualTo(deskPage + (deskPage.contains("?") ? "&" : "?") + "ok=issued");

        long order = db.count("SELECT id FROM supervision_order WHERE appeal_id = $1", db.id(no));
        String due = PageTime.beijing(Instant.ofEpochSecond(
                db.count("SELECT extract(epoch FROM reply_due_at)::bigint FROM supervision_order WHERE id = $1", order)));
        line = deskLine(no);
        assertThat(text(line, ".order-state")).isEqualTo("待答复");
        assertThat(line.getText()).contains("答复期限 " + due).contains(demand);
        assertThat(line.findElements(By.cssSelector("form.issue"))).isEmpty();
        screenshot("supervision-03-desk-issued");

        // 2. the unit's leader finds the order from the header, writes the explanation and submits it
        signIn(leader, "/workqueue");
        browser.findElement(By.cssSelector("#nav a[href='/supervision/orders']")).click();
        waiting().until(ExpectedConditions.titleContains("督办单"));
        assertPage("督办单");
        assertThat(text("#who-name")).isEqualTo("税务局 领导 " + leader);
        WebElement mine = orderLine(order);
        assertThat(mine.getAttribute("data-tracking-no")).isEqualTo(no);
        assertThat(mine.getText()).contains("数电发票开具失败").contains(demand).contains("待答复").contains("下发督办单")
                .contains(due).contains("2个工作日");
        screenshot("supervision-04-unit-orders");
        mine.findElement(By.name("explanation")).sendKeys(explanation);
        screenshot("supervision-05-explanation");
        mine.findElement(By.cssSelector("button.answer")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已提交情况说明"));
        mine = orderLine(order);
        assertThat(mine.getText()).contains("已答复").contains("单位领导答复").contains(explanation)
                .doesNotContain("逾期答复");
        assertThat(mine.findElements(By.cssSelector("form.answer"))).isEmpty();
        screenshot("supervision-06-unit-answered");

        // 3. the district leader reopens the desk: the appeal's line carries the unit's explanation, who gave it and
        // that it came in time; nothing waits on the appeal any more, so the line takes a new order
        signIn(SUPERVISOR, "/supervision");
        assertPage("督办台");
        line = deskLine(no);
        assertThat(line.findElements(By.cssSelector(".order-state"))).isEmpty();
        assertThat(line.getText()).doesNotContain("待答复");
        WebElement answer = line.findElement(By.cssSelector(".order-answer[data-order-id='" + order + "']"));
        assertThat(text(answer, ".answer-state")).isEqualTo("情况说明（已答复，按时）");
        assertThat(text(answer, ".answer")).isEqualTo(explanation);
        String answeredAt = PageTime.beijing(Instant.ofEpochSecond(
                db.count("SELECT floor(extract(epoch FROM answered_at))::bigint FROM supervision_order WHERE id = $1", order)));
        assertThat(text(answer, ".answered-by")).startsWith("税务局 领导 " + leader + " 答复于 " + answeredAt)
                .contains("答复期限 " + due);
        assertThat(answer.getText()).contains("督办要求：" + demand);
        assertThat(line.findElements(By.cssSelector("form.issue"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#escalated-orders tr[data-order-id='" + order + "']"))).isEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", line);
        screenshot("supervision-07-desk-answered");

        assertThat(db.count("SELECT count(*) FROM supervision_order WHERE appeal_id = $1", db.id(no))).isEqualTo(1);
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", order)).isEqualTo("ANSWERED");
        assertThat(db.string("SELECT issued_by FROM supervision_order WHERE id = $1", order))
                .isEqualTo("district-leader:" + SUPERVISOR);
        assertThat(db.string("SELECT answered_by FROM supervision_order WHERE id = $1", order))
                .isEqualTo("unit-leader:" + leader);
        assertThat(db.string("SELECT answer FROM supervision_order WHERE id = $1", order)).isEqualTo(explanation);
        assertThat(db.count("SELECT reply_days FROM supervision_order WHERE id = $1", order)).isEqualTo(2);
        assertThat(db.string("SELECT string_agg(kind, ',' ORDER BY occurred_at, id) FROM supervision_order_event "
                + "WHERE order_id = $1", order)).isEqualTo("ISSUED,ANSWERED");
    }

    /**
     * A tax appeal made through the intake API, dispatched to the tax bureau, whose clocks then ran out two days ago
     * and whose ladder the sweeper climbed to the supervision step.
     */
    private String overdueTaxAppeal() {
        String no = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        await().atMost(PATIENCE).until(() -> "TAX".equals(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", no))
                && db.count("SELECT count(*) FROM sla_timer WHERE appeal_id = $1 AND step = 'OVERDUE'", db.id(no)) > 0);
        db.execute("UPDATE sla_timer SET due_at = now() - interval '2 days' WHERE appeal_id = $1 "
                + "AND fired_at IS NULL AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')", db.id(no));
        sweeper.sweep().await().atMost(PATIENCE);
        assertThat(db.count("SELECT count(*) FROM escalation WHERE appeal_id = $1 AND step = 'OVERDUE'", db.id(no)))
                .isPositive();
        return no;
    }

    /** A leader of the tax bureau of their own, so the name in the header and on the answer is this test's. */
    private String newTaxLeader() {
        String name = "leader-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) "
                + "VALUES ($1, $2, 'unit-leader', 'TAX', false)", name, "税务局 领导 " + name);
        return name;
    }

    private void signIn(String user, String path) {
        browser.manage().deleteAllCookies();
        browser.get(root.toString().replaceAll("/$", "") + "/demo/login/" + user + "?to=" + path);
    }

    /** The appeal's line among the late appeals, following 下一页 as a person would while it is not on the page. */
    private static WebElement deskLine(String no) {
        By line = By.cssSelector("#late-appeals tr[data-tracking-no='" + no + "']");
        while (browser.findElements(line).isEmpty()) {
            List<WebElement> next = browser.findElements(By.id("next-page"));
            assertThat(next).as("appeal %s is on the desk", no).isNotEmpty();
            next.get(0).click();
            waiting().until(ExpectedConditions.stalenessOf(next.get(0)));
        }
        return browser.findElement(line);
    }

    private static WebElement orderLine(long id) {
        return browser.findElement(By.cssSelector("#orders tr[data-order-id='" + id + "']"));
    }

    /** The page asked for, not an error or refusal page. */
    private static void assertPage(String heading) {
        assertThat(browser.getTitle()).contains(heading).doesNotContain("错误").doesNotContain("无权");
        assertThat(text("h1")).isEqualTo(heading);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String text(WebElement within, String css) {
        return within.findElement(By.cssSelector(css)).getText();
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
}
