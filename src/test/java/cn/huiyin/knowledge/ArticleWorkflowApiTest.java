package cn.huiyin.knowledge;

import static cn.huiyin.knowledge.ArticleFixtures.article;
import static cn.huiyin.knowledge.ArticleFixtures.create;
import static cn.huiyin.knowledge.ArticleFixtures.get;
import static cn.huiyin.knowledge.ArticleFixtures.step;
import static cn.huiyin.knowledge.ArticleFixtures.tag;
import static cn.huiyin.knowledge.ArticleFixtures.token;
import static cn.huiyin.knowledge.ArticleFixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.application.KnowledgeArticles;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.testsupport.Database;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The article workflow through the API, with the roles that take each step: a commissioner writes, the unit's leader
 * reviews and publishes, the article then answers on the public search and the showcase; other units and the writer
 * themselves are refused; bad input is a 400 naming the field and stores nothing.
 */
@QuarkusTest
class ArticleWorkflowApiTest {

    private static final String ARTICLES = "/api/v1/knowledge/articles";

    @Inject
    Database db;

    @Inject
    KnowledgeArticles articles;

    private long versionsTitled(String title) {
        return db.count("SELECT count(*) FROM knowledge_article_version WHERE title = $1", title);
    }

    @Test
    void a_commissioners_draft_is_reviewed_and_published_by_the_leader_and_then_answers_in_public() {
        String title = "个体户转为公司办理指引" + tag();
        String commissioner = token("commissioner-samr");
        String leader = token("leader-samr");

        long id = create(commissioner, article(title)).statusCode(201)
                .header("Location", matchesPattern(".*" + ARTICLES + "/[0-9]+$")).extract().jsonPath().getLong("id");
        get(commissioner, ARTICLES + "/" + id).statusCode(200).body("status", equalTo("DRAFT")).body("version", equalTo(1))
                .body("publishedVersion", nullValue()).body("unitCode", equalTo("SAMR"))
                .body("unitName", equalTo("天河区市场监督管理局")).body("editedBy", equalTo("commissioner-samr"))
                .body("actions", equalTo(List.of("EDIT")));
        // not yet in public
        given().get("/policies/" + id).then().statusCode(404);

        step(commissioner, id, "review").statusCode(403).contentType("application/problem+json");
        step(leader, id, "publish").statusCode(409).body("type", endsWith("/not-reviewed"));
        step(leader, id, "review").statusCode(200).body("status", equalTo("REVIEWED")).body("reviewedBy", equalTo("leader-samr"));
        step(leader, id, "publish").statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedVersion", equalTo(1));

        given().get("/policies/" + id).then().statusCode(200).body(containsString(title));
        given().get("/policies").then().statusCode(200).body(containsString(title));
        given().queryParam("q", title).get("/api/v1/knowledge/search").then().statusCode(200)
                .body("matches.articleId", hasItem((int) id))
                .body("matches.find { it.articleId == " + id + " }.unitName", equalTo("天河区市场监督管理局"));
    }

    @Test
    void an_edit_of_a_published_article_is_a_new_draft_and_the_published_version_answers_until_it_is_published() {
        String title = "股权转让变更登记" + tag();
        long id = ArticleFixtures.published(title);
        String edited = title + "（修订）";

        given().auth().oauth2(token("commissioner-samr")).contentType(ContentType.JSON).body(article(edited))
                .put(ARTICLES + "/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("DRAFT")).body("publishedVersion", equalTo(1));
        given().get("/policies/" + id).then().statusCode(200).body(containsString(title)).body(not(containsString(edited)));

        step(token("leader-samr"), id, "review").statusCode(200);
        step(token("leader-samr"), id, "publish").statusCode(200).body("publishedVersion", equalTo(2));
        given().get("/policies/" + id).then().statusCode(200).body(containsString(edited));

        get(token("commissioner-samr"), ARTICLES + "/" + id + "/versions").statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("status", equalTo(List.of("SUPERSEDED", "PUBLISHED")))
                .body("[0].title", equalTo(title)).body("[0].publishedBy", equalTo("leader-samr"));

        step(token("leader-samr"), id, "withdraw").statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("publishedVersion", nullValue());
        given().get("/policies/" + id).then().statusCode(404);
        step(token("leader-samr"), id, "withdraw").statusCode(409).body("type", endsWith("/not-published"));
    }

    @Test
    void another_units_commissioner_is_refused_and_the_district_reads_without_steps() {
        String title = "名称自主申报规则" + tag();
        long id = create(token("commissioner-samr"), article(title)).statusCode(201).extract().jsonPath().getLong("id");
        String tax = token("commissioner-tax");

        create(tax, with(article(title + "越权"), "unitCode", "SAMR")).statusCode(403).body("type", endsWith("/not-your-unit"));
        given().auth().oauth2(tax).contentType(ContentType.JSON).body(article(title + "改")).put(ARTICLES + "/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        get(tax, ARTICLES + "/" + id).statusCode(403);
        step(tax, id, "review").statusCode(403);
        get(tax, ARTICLES).statusCode(200).body("id", not(hasItem((int) id)));
        assertThat(versionsTitled(title + "越权") + versionsTitled(title + "改")).isZero();

        get(token("district-leader"), ARTICLES + "/" + id).statusCode(200).body("actions", equalTo(List.of()));
        get(token("admin"), ARTICLES + "?status=DRAFT&category=BIZ_REG").statusCode(200).body("id", hasItem((int) id));
        step(token("district-leader"), id, "review").statusCode(403);
        get(token("dispatcher-demo"), ARTICLES).statusCode(403);
        given().get(ARTICLES).then().statusCode(401);
    }

    @Test
    void nobody_reviews_their_own_edit() {
        String title = "领导起草的条目" + tag();
        String secondLeader = ArticleFixtures.newLeader(db, "SAMR");
        long id = create(token("leader-samr"), article(title)).statusCode(201).extract().jsonPath().getLong("id");

        step(token("leader-samr"), id, "review").statusCode(403).body("type", endsWith("/own-edit"));
        get(token("leader-samr"), ARTICLES + "/" + id).body("status", equalTo("DRAFT"));
        step(token(secondLeader), id, "review").statusCode(200).body("reviewedBy", equalTo(secondLeader));
    }

    @Test
    void bad_input_is_a_400_naming_the_field_and_nothing_is_stored() {
        String title = "坏输入条目" + tag();
        String commissioner = token("commissioner-samr");
        Map<String, Object> good = article(title);

        create(commissioner, with(good, "title", "短")).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("title")).body("errors[0].code", equalTo("title.tooShort"))
                .body("errors[0].messageZh", equalTo("标题不能少于4个字"));
        create(commissioner, with(good, "questions", List.of())).statusCode(400).body("field", equalTo("questions"));
        create(commissioner, with(good, "answer", "太短了")).statusCode(400).body("field", equalTo("answer"));
        create(commissioner, with(good, "sourceLink", "javascript:alert(1)")).statusCode(400).body("field", equalTo("sourceLink"));
        create(commissioner, with(good, "validTo", "2025-12-31")).statusCode(400).body("field", equalTo("validTo"));
        create(commissioner, with(good, "validFrom", "明天")).statusCode(400).body("field", equalTo("validFrom"));
        create(commissioner, with(good, "validTo", "+300000-01-01")).statusCode(400).body("field", equalTo("validTo"));
        create(commissioner, with(good, "categoryCode", "NO_SUCH")).statusCode(400).body("field", equalTo("categoryCode"));
        create(commissioner, with(good, "categoryCode", "TAX_SERVICE")).statusCode(400)
                .body("errors[0].code", equalTo("categoryCode.otherUnit"));
        given().auth().oauth2(commissioner).contentType(ContentType.JSON).body("{\"title\": ").post(ARTICLES)
                .then().statusCode(400).body(not(containsString("Exception")));
        assertThat(versionsTitled(title) + versionsTitled("短")).isZero();

        long id = create(commissioner, good).statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(commissioner).contentType(ContentType.JSON).body(with(good, "answer", "太短了"))
                .put(ARTICLES + "/" + id).then().statusCode(400).body("field", equalTo("answer"));
        assertThat(db.count("SELECT count(*) FROM knowledge_article_version WHERE article_id = $1", id)).isEqualTo(1);
        get(commissioner, ARTICLES + "?status=SOMETIMES").statusCode(400).body("field", equalTo("status"));
        get(commissioner, ARTICLES + "/999999999").statusCode(404);
    }

    @Test
    void the_public_search_checks_its_question_and_limit() {
        given().get("/api/v1/knowledge/search").then().statusCode(400).body("field", equalTo("q"));
        given().queryParam("q", "q".repeat(501)).get("/api/v1/knowledge/search").then().statusCode(400).body("field", equalTo("q"));
        given().queryParam("q", "营业执照").queryParam("limit", "0").get("/api/v1/knowledge/search").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().queryParam("q", "今天天气怎么样适合出去玩吗").get("/api/v1/knowledge/search").then().statusCode(200)
                .body("answered", equalTo(false));
    }

    @Test
    void a_reply_to_a_consultation_is_proposed_as_a_draft_of_the_unit_noting_the_appeal() throws Throwable {
        // through the service the work queue calls
        Caller commissioner = new Caller("commissioner-samr", Roles.COMMISSIONER, "SAMR", null);
        long id = VertxContextSupport.subscribeAndAwait(() -> articles.proposeFromReply(commissioner,
                "  企业开办后多久需要完成\n税务信息确认" + tag(), "新办企业领取营业执照后，登录电子税务局完成新办纳税人套餐即可，一般当日办结。",
                "SAMR", "BIZ_REG", "2612010000011"));
        get(token("commissioner-samr"), ARTICLES + "/" + id).statusCode(200).body("status", equalTo("DRAFT"))
                .body("proposedFrom", equalTo("2612010000011")).body("sourceName", equalTo("诉求2612010000011的答复"))
                .body("title", startsWith("企业开办后多久需要完成 税务信息确认")).body("editedBy", equalTo("commissioner-samr"));
        assertThat(db.string("SELECT note FROM knowledge_article_version WHERE article_id = $1", id))
                .isEqualTo("由诉求2612010000011的答复提出");
    }
}
