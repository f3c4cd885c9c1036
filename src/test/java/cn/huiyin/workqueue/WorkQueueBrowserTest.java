package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Browser;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A commissioner in a real browser: sign in, find the appeal in the queue, sign for it, answer it. A dispatcher
 * places an appeal from the desk's row with the catalogue lists the page sends once.
 */
@QuarkusTest
class WorkQueueBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Database db;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
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

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /**
     * Waits through a page being replaced under the lookup (after a form's redirect, Chromium may answer "node does not
     * belong to the document" once); a condition never met still fails at the end of the patience.
     */
    private static FluentWait<WebDriver> waiting() {
        return new WebDriverWait(browser, PATIENCE).ignoring(WebDriverException.class);
    }

    @Test
    void a_commissioner_signs_for_an_appeal_and_answers_it_through_the_pages() {
        String me = StaffPages.newCommissioner(db, "ECO");
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("浏览器测试：夜间废气"));
        open("/demo/login/" + me + "?to=/workqueue");
        assertThat(browser.getTitle()).contains("工作台");
        assertThat(text("h1")).contains("广州市生态环境局天河分局");

        browser.findElement(By.cssSelector("a[href='/workqueue/" + no + "']")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("tracking-no"), no));
        assertThat(text("#appeal-title")).isEqualTo("浏览器测试：夜间废气");
        assertThat(text("#content")).contains("异味明显");

        browser.findElement(By.id("accept")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已签收"));
        assertThat(text("#status")).startsWith("签收");
        assertThat(browser.getCurrentUrl()).endsWith("/workqueue/" + no + "?ok=accept");

        browser.findElement(By.id("answer")).sendKeys("经现场核查，相关企业已停产整改废气处理设施，我局将持续跟踪监测。");
        browser.findElement(By.id("reply")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已答复企业"));
        assertThat(text("#status")).startsWith("答复");
        assertThat(text("#timeline")).contains("已签收").contains("已答复").contains("经现场核查，相关企业已停产整改");
        assertThat(browser.findElements(By.id("reply"))).isEmpty();

        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("REPLIED");
        assertThat(db.string("SELECT assignee FROM appeal WHERE tracking_no = $1", no)).isEqualTo(me);
        assertThat(db.string("SELECT actor FROM appeal_event WHERE appeal_id = $1 AND type = 'REPLIED'", db.id(no)))
                .isEqualTo("commissioner:" + me);
    }

    @Test
    void the_queue_shows_an_appeal_claimed_elsewhere_without_reloading() {
        String me = StaffPages.newCommissioner(db, "ECO");
        open("/demo/login/" + me + "?to=/workqueue");
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("浏览器测试：实时刷新"));
        // a claim made elsewhere (here through the API) tells the unit's open queues
        given().auth().oauth2(Appeals.tokenFor(me)).post("/api/v1/appeals/" + no + "/claim").then().statusCode(200);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mine a[href='/workqueue/" + no + "']")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;")).isEqualTo(true);
    }

    @Inject
    RoutingSuggestions routing;

    @Test
    void a_dispatcher_opens_the_catalogue_lists_in_a_row_and_places_the_appeal_from_the_desk() {
        String no = DispatchDeskPageTest.vague();
        String path = DispatchDeskPageTest.deskPathListing(StaffPages.cookieFor("dispatcher-demo"), no);
        try {
            open("/demo/login/dispatcher-demo?to=/dispatch");
            open(path);
            String row = "#waiting tr[data-tracking-no='" + no + "'] ";
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + "a.choose"))).click();
            new Select(waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + "select[name='category']"))))
                    .selectByValue("BIZ_REG");
            assertThat(browser.getCurrentUrl()).doesNotContain("/dispatch/" + no);
            browser.findElement(By.cssSelector(row + "button.dispatch")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已派单"));
            assertThat(db.string("SELECT status || '/' || handling_unit FROM appeal WHERE tracking_no = $1", no))
                    .isEqualTo("DISPATCHED/SAMR");
        } finally {
            DispatchDeskPageTest.forgetThePlacements(db, routing);
        }
    }
}
