package cn.huiyin.knowledge;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The knowledge base's staff pages, without JavaScript: a commissioner writes on the new-article form, the leader
 * reviews and publishes from the article's page, the list filters and shows the 待复核 flag with its reason; refusals
 * and bad forms are pages in Chinese.
 */
@QuarkusTest
class ArticlePagesTest {

    @Inject
    Database db;

    private static final String ANSWER = "变更经营范围可登录广东政务服务网在线办理，材料齐全的当场办结，无需到现场。";

    private static String[] form(String title) {
        return new String[] { "title", title, "questions", "怎么变更经营范围\r\n经营范围变更要什么材料", "answer", ANSWER,
                "sourceName", "《市场主体登记管理条例》", "sourceLink", "https://www.gdzwfw.gov.cn/", "categoryCode", "BIZ_REG",
                "validFrom", "2026-01-01", "validTo", "" };
    }

    private static long idFrom(String location) {
        return Long.parseLong(location.replaceAll(".*/knowledge/([0-9]+)\\?.*", "$1"));
    }

    @Test
    void a_commissioner_writes_on_the_form_and_the_leader_reviews_and_publishes_from_the_page() {
        String title = "页面新建经营范围变更" + ArticleFixtures.tag();
        String commissioner = cookieFor("commissioner-samr");
        get(commissioner, "/knowledge").statusCode(200).body(containsString("新建知识条目")).body(containsString("id=\"filters\""));
        get(commissioner, "/knowledge/new").statusCode(200).body(containsString("name=\"_csrf\""))
                .body(containsString("商事登记"));

        String location = post(commissioner, "/knowledge/new", form(title)).statusCode(303)
                .header("Location", matchesPattern(".*/knowledge/[0-9]+\\?ok=created")).extract().header("Location");
        long id = idFrom(location);
        get(commissioner, "/knowledge/" + id + "?ok=created").statusCode(200).body(containsString("已保存为草稿"))
                .body(containsString(title)).body(containsString("草稿")).body(containsString("经营范围变更要什么材料"))
                .body(not(containsString("id=\"review\"")));
        assertThat(db.string("SELECT questions FROM knowledge_article_version WHERE article_id = $1", id))
                .isEqualTo("怎么变更经营范围\n经营范围变更要什么材料");

        String leader = cookieFor("leader-samr");
        get(leader, "/knowledge/" + id).statusCode(200).body(containsString("id=\"review\"")).body(not(containsString("id=\"publish\"")));
        post(leader, "/knowledge/" + id + "/review").statusCode(303).header("Location", containsString("?ok=review"));
        get(leader, "/knowledge/" + id).statusCode(200).body(containsString("id=\"publish\""));
        post(leader, "/knowledge/" + id + "/publish").statusCode(303);
        get(leader, "/knowledge/" + id + "?ok=publish").statusCode(200).body(containsString("已发布，现已对外答复"))
                .body(containsString("id=\"withdraw\""));
        given().get("/policies/" + id).then().statusCode(200).body(containsString(title));

        // an edit keeps the published version answering
        post(commissioner, "/knowledge/" + id, form(title + "新版")).statusCode(303).header("Location", containsString("?ok=saved"));
        get(commissioner, "/knowledge/" + id).statusCode(200).body(containsString("当前对外答复的是第1版"))
                .body(containsString("第2版"));
        given().get("/policies/" + id).then().statusCode(200).body(not(containsString(title + "新版")));
    }

    @Test
    void a_bad_form_is_422_in_chinese_keeps_what_was_typed_and_stores_nothing() {
        String title = "页面坏表单" + ArticleFixtures.tag();
        String commissioner = cookieFor("commissioner-samr");
        String[] bad = form(title);
        bad[5] = "太短";
        bad[9] = "javascript:alert(1)";
        post(commissioner, "/knowledge/new", bad).statusCode(422).body(containsString("答案不能少于20个字"))
                .body(containsString("依据链接须为以 http:// 或 https:// 开头的网址")).body(containsString(title))
                .body(not(containsString("Exception")));
        String[] badDate = form(title);
        badDate[13] = "明年";
        post(commissioner, "/knowledge/new", badDate).statusCode(422).body(containsString("生效日期格式不正确"));
        assertThat(db.count("SELECT count(*) FROM knowledge_article_version WHERE title = $1", title)).isZero();
    }

    @Test
    void other_units_and_the_district_are_refused_the_steps_they_may_not_take() {
        String title = "页面越权测试" + ArticleFixtures.tag();
        long id = idFrom(post(cookieFor("commissioner-samr"), "/knowledge/new", form(title)).statusCode(303)
                .extract().header("Location"));

        String tax = cookieFor("commissioner-tax");
        get(tax, "/knowledge/" + id).statusCode(403).body(containsString("属于其他单位"));
        post(tax, "/knowledge/" + id, form(title + "改")).statusCode(403);
        post(cookieFor("commissioner-samr"), "/knowledge/" + id + "/review").statusCode(403).body(containsString("您的角色不能进行此操作"));

        String district = cookieFor("district-leader");
        get(district, "/knowledge").statusCode(200).body(containsString(title)).body(not(containsString("id=\"new-article\"")));
        get(district, "/knowledge/" + id).statusCode(200).body(not(containsString("id=\"article-form\"")))
                .body(not(containsString("id=\"review\"")));
        get(district, "/knowledge/new").statusCode(403);
        get(cookieFor("dispatcher-demo"), "/knowledge").statusCode(403);
        given().redirects().follow(false).get("/knowledge").then().statusCode(401);
        get(district, "/knowledge/999999999").statusCode(404).body(containsString("未找到该知识条目"));
        assertThat(db.count("SELECT count(*) FROM knowledge_article_version WHERE title = $1", title + "改")).isZero();
    }

    @Test
    void the_list_filters_by_status_and_category_and_flags_articles_for_review_with_the_reason() {
        String title = "页面待复核条目" + ArticleFixtures.tag();
        long id = ArticleFixtures.published(title);
        String draft = "页面筛选草稿" + ArticleFixtures.tag();
        post(cookieFor("commissioner-samr"), "/knowledge/new", form(draft)).statusCode(303);
        db.execute("UPDATE knowledge_article SET review_flagged_at = now(), review_flag_reason = $2 WHERE id = $1", id,
                "近30天有3次答复后仍提交诉求");

        String leader = cookieFor("leader-samr");
        get(leader, "/knowledge?status=PUBLISHED&category=BIZ_REG").statusCode(200).body(containsString(title))
                .body(not(containsString(draft))).body(containsString("待复核")).body(containsString("近30天有3次答复后仍提交诉求"));
        get(leader, "/knowledge?status=DRAFT").statusCode(200).body(containsString(draft)).body(not(containsString(title)));
        get(leader, "/knowledge?category=TAX_SERVICE").statusCode(200).body(not(containsString(title)));
        get(leader, "/knowledge/" + id).statusCode(200).body(containsString("id=\"review-flag\""))
                .body(containsString("近30天有3次答复后仍提交诉求"));

        // a new version published answers in place of the flagged one, and the flag goes
        post(leader, "/knowledge/" + id, form(title)).statusCode(303);
        ArticleFixtures.step(ArticleFixtures.token(ArticleFixtures.newLeader(db, "SAMR")), id, "review").statusCode(200);
        post(leader, "/knowledge/" + id + "/publish").statusCode(303);
        assertThat(db.string("SELECT coalesce(review_flag_reason, 'cleared') FROM knowledge_article WHERE id = $1", id))
                .isEqualTo("cleared");
    }
}
