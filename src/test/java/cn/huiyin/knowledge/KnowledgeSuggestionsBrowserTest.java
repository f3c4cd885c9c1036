package cn.huiyin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.huiyin.testsupport.Browser;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An enterprise on the appeal form in a real browser: as it types its question, the knowledge base's answers appear
 * under the title; it says one helped; it files the appeal anyway, with the same one click as before.
 */
@QuarkusTest
class KnowledgeSuggestionsBrowserTest {

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

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void typing_a_question_shows_the_seeded_answer_which_takes_feedback_and_the_appeal_still_goes_through() {
        browser.get(root.toString().replaceAll("/$", "") + "/appeals/new");
        waiting().until(ExpectedConditions.attributeToBe(By.id("answer-suggestions"), "data-ready", "true"));
        String submissionId = browser.findElement(By.name("submissionId")).getAttribute("value");
        assertThat(browser.findElement(By.id("answer-suggestions")).isDisplayed()).isFalse();

        type("title", "变更经营范围要交什么资料");
        WebElement first = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#answer-suggestions li.answer .answer-title")));
        assertThat(first.getText()).isEqualTo("公司要增加或变更经营范围，需要准备哪些材料？");
        String shownId = browser.findElement(By.cssSelector("#answer-suggestions li.answer")).getAttribute("data-shown-id");
        assertThat(browser.findElement(By.cssSelector("#answer-suggestions li.answer .answer-text")).getText())
                .contains("经营范围");

        browser.findElement(By.cssSelector("#answer-suggestions li.answer .helpful")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("#answer-suggestions li.answer .answer-feedback"),
                "data-feedback", "true"));
        assertThat(db.string("SELECT helpful::text || '|' || asker_ref FROM knowledge_answer_shown WHERE id = $1::uuid",
                shownId)).isEqualTo("true|" + submissionId);

        // the enterprise files it anyway: the form is as it was, submitted with one click
        String uscc = Usccs.random();
        type("uscc", uscc);
        type("enterpriseName", "广州浏览器知识库测试有限公司");
        type("contactName", "王五");
        type("contactMobile", "13812345678");
        new Select(browser.findElement(By.id("category"))).selectByValue("BIZ_REG");
        type("description", "我司拟增加一项经营范围，已看过网上解答，仍想确认材料是否齐全、能否全程网办。");
        browser.findElement(By.name("consent")).click();
        browser.findElement(By.cssSelector("form[action='/appeals/new'] button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "诉求已受理"));

        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE uscc = $1", uscc);
        assertThat(trackingNo).isNotNull();
        assertThat(db.string("SELECT followed_by FROM knowledge_answer_shown WHERE id = $1::uuid", shownId)).isEqualTo(trackingNo);
    }
}
