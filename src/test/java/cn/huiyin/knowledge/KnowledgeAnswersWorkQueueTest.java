package cn.huiyin.knowledge;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A commissioner answering a 咨询 in the work queue: the knowledge base's articles beside the reply form (no script
 * needed), one filling the reply, and the reply proposed as a new article in one click.
 */
@QuarkusTest
class KnowledgeAnswersWorkQueueTest {

    private static final String QUESTION = "我司准备变更经营范围，增加一项新业务，请问需要准备哪些材料，能否全程网上办理？";

    @Inject
    Database db;

    @Test
    void a_consult_offers_articles_that_fill_the_reply_and_records_them_for_the_appeal() {
        String no = KnowledgeAnswersFixtures.submitConsult("知识库页面测试：变更经营范围", QUESTION);
        String me = cookieFor(newCommissioner(db, "ECO"));
        // before signing for it there is no reply form, so nothing to answer with
        get(me, "/workqueue/" + no).statusCode(200).body(not(containsString("知识库参考答复")));
        post(me, "/workqueue/" + no + "/accept").statusCode(303);

        String page = get(me, "/workqueue/" + no).statusCode(200).body(containsString("知识库参考答复"))
                .body(containsString("经营范围")).body(containsString("引用此回答")).extract().asString();
        Matcher use = Pattern.compile("href=\"/workqueue/" + no + "\\?useArticle=(\\d+)#answer\"").matcher(page);
        assertThat(use.find()).isTrue();
        long article = Long.parseLong(use.group(1));
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE channel = 'WORKQUEUE' AND asker_ref = $1 "
                + "AND article_id = $2", no, article)).isEqualTo(1);

        String answer = db.string("SELECT v.answer FROM knowledge_article a JOIN knowledge_article_version v "
                + "ON v.article_id = a.id AND v.version = a.published_version WHERE a.id = $1", article);
        String used = get(me, "/workqueue/" + no + "?useArticle=" + article).statusCode(200).extract().asString();
        String firstLine = answer.lines().findFirst().orElseThrow();
        assertThat(used).containsPattern("<textarea id=\"answer\" name=\"answer\">[^<]*" + Pattern.quote(escaped(firstLine)));
        // seen again on the same visit: still one record
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE channel = 'WORKQUEUE' AND asker_ref = $1 "
                + "AND article_id = $2", no, article)).isEqualTo(1);
        // an article not offered fills nothing
        get(me, "/workqueue/" + no + "?useArticle=999999999").statusCode(200)
                .body(containsString("<textarea id=\"answer\" name=\"answer\"></textarea>"));
    }

    @Test
    void other_appeal_types_get_no_articles() {
        String no = KnowledgeAnswersFixtures.submit("COMPLAINT", "知识库页面测试：投诉", QUESTION);
        String me = cookieFor(newCommissioner(db, "ECO"));
        post(me, "/workqueue/" + no + "/accept").statusCode(303);
        get(me, "/workqueue/" + no).statusCode(200).body(containsString("action=\"/workqueue/" + no + "/reply\""))
                .body(not(containsString("知识库参考答复")));
        assertThat(db.count("SELECT count(*) FROM knowledge_answer_shown WHERE asker_ref = $1", no)).isZero();
    }

    @Test
    void a_replied_consult_can_be_proposed_as_a_draft_article_in_one_click() {
        String no = KnowledgeAnswersFixtures.submitConsult("知识库页面测试：提为知识条目", QUESTION);
        String me = cookieFor(newCommissioner(db, "ECO"));
        post(me, "/workqueue/" + no + "/accept").statusCode(303);
        get(me, "/workqueue/" + no).statusCode(200).body(not(containsString("提为知识条目</button>")));
        String reply = "变更经营范围可在广东省市场监管局网上办事平台全程网办，需提交变更登记申请书、股东会决议和修改后的章程。";
        post(me, "/workqueue/" + no + "/reply", "answer", reply).statusCode(303);

        get(me, "/workqueue/" + no).statusCode(200).body(containsString("action=\"/workqueue/" + no + "/propose-article\""))
                .body(containsString("提为知识条目"));
        String location = post(me, "/workqueue/" + no + "/propose-article").statusCode(303)
                .header("Location", matchesPattern(".*/knowledge/\\d+$")).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/knowledge/", ""));
        assertThat(db.string("SELECT a.status || '|' || a.unit_code || '|' || a.proposed_from || '|' || v.category_code "
                + "FROM knowledge_article a JOIN knowledge_article_version v ON v.article_id = a.id WHERE a.id = $1", id))
                .isEqualTo("DRAFT|ECO|" + no + "|ENVIRONMENT");
        assertThat(db.string("SELECT answer FROM knowledge_article_version WHERE article_id = $1", id)).isEqualTo(reply);
        assertThat(db.string("SELECT title FROM knowledge_article_version WHERE article_id = $1", id))
                .startsWith("知识库页面测试：提为知识条目");
        // without the form's token nothing is proposed
        cn.huiyin.testsupport.StaffPages.browser(me).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").post("/workqueue/" + no + "/propose-article")
                .then().statusCode(403);
        assertThat(db.count("SELECT count(*) FROM knowledge_article WHERE proposed_from = $1", no)).isEqualTo(1);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
