package cn.huiyin.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The public policy showcase (营商环境政策专窗): no sign-in, published articles only, by category, searchable. */
@QuarkusTest
class PolicyPagesTest {

    @Test
    void the_showcase_lists_published_articles_by_category_with_source_and_validity() {
        String title = "专窗展示的政策" + ArticleFixtures.tag();
        long id = ArticleFixtures.published(title);
        String draft = "专窗不应出现的草稿" + ArticleFixtures.tag();
        ArticleFixtures.create(ArticleFixtures.token("commissioner-samr"), ArticleFixtures.article(draft)).statusCode(201);

        given().get("/policies").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("营商环境政策专窗")).body(containsString("商事登记(开办、变更、注销、证照)"))
                .body(containsString(title)).body(containsString("天河区市场监督管理局"))
                .body(containsString("《市场主体登记管理条例实施细则》")).body(containsString("2026-01-01 至 长期"))
                .body(containsString("href=\"/policies/" + id + "\"")).body(not(containsString(draft)))
                // a seeded article of another category and unit
                .body(containsString("纳税服务(申报、发票、退税、税控)"));
    }

    @Test
    void one_policy_shows_its_answer_source_and_validity_and_a_draft_is_not_found() {
        String title = "单条政策页面" + ArticleFixtures.tag();
        long id = ArticleFixtures.published(title);
        given().get("/policies/" + id).then().statusCode(200).body(containsString(title))
                .body(containsString(ArticleFixtures.ANSWER)).body(containsString("href=\"https://www.gdzwfw.gov.cn/\""))
                .body(containsString("请问" + title + "需要什么材料")).body(containsString("提交诉求"));
        long draft = ArticleFixtures.create(ArticleFixtures.token("commissioner-samr"), ArticleFixtures.article("草稿" + title))
                .statusCode(201).extract().jsonPath().getLong("id");
        given().get("/policies/" + draft).then().statusCode(404).body(containsString("未找到该政策"));
        given().get("/policies/999999999").then().statusCode(404);
    }

    @Test
    void a_search_finds_a_policy_by_its_title_and_says_so_when_nothing_answers() {
        String title = "外资企业设立备案办理" + ArticleFixtures.tag();
        long id = ArticleFixtures.published(title);
        given().queryParam("q", title).get("/policies").then().statusCode(200)
                .body(containsString("data-article=\"" + id + "\"")).body(containsString("“" + title + "”的搜索结果"));
        given().queryParam("q", "今天天气怎么样适合出去玩吗").get("/policies").then().statusCode(200)
                .body(containsString("id=\"no-good-answer\"")).body(containsString("提交诉求"));
        given().queryParam("q", "问".repeat(201)).get("/policies").then().statusCode(400).body(containsString("请输入不超过200个字"));
    }

    @Test
    void a_policy_out_of_its_validity_is_not_shown() {
        String title = "已过期的政策" + ArticleFixtures.tag();
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        long id = ArticleFixtures.create(ArticleFixtures.token("commissioner-samr"),
                ArticleFixtures.with(ArticleFixtures.with(ArticleFixtures.article(title), "validFrom", "2025-01-01"),
                        "validTo", yesterday)).statusCode(201).extract().jsonPath().getLong("id");
        ArticleFixtures.step(ArticleFixtures.token("leader-samr"), id, "review").statusCode(200);
        ArticleFixtures.step(ArticleFixtures.token("leader-samr"), id, "publish").statusCode(200);
        given().get("/policies/" + id).then().statusCode(404);
        given().get("/policies").then().statusCode(200).body(not(containsString(title)));
    }
}
