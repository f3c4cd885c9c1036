package cn.huiyin.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import cn.huiyin.channel.wechat.domain.ArticleReply;
import cn.huiyin.channel.wechat.domain.FollowerReplies;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WechatClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Questions answered from the knowledge base on WeChat, through the real callback (safe mode, encrypted and signed as
 * WeChat does): the article instead of an appeal, "转人工" making exactly one appeal of it, "有用"/"没用" recorded,
 * and complaints still filed at once.
 */
@QuarkusTest
class WechatKnowledgeTest {

    private static final Logger LOG = Logger.getLogger(WechatKnowledgeTest.class);
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 500_000);

    /** A question form of the seed article KB-REG-002 (变更经营范围), as an enterprise would type it. */
    private static final String QUESTION = "变更经营范围要交什么资料？";
    private static final String COMPLAINT = "我们公司在天河软件园，写字楼这周停电三次了，影响生产，请帮忙协调供电局。";

    @Inject
    Database db;

    private static String openId() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String text(String openId, long msgId, String content) {
        return WechatClient.text(openId, now(), String.valueOf(msgId), content);
    }

    private long appealsFrom(String openId) {
        return db.count("SELECT count(*) FROM appeal WHERE reply_to = $1", "default/" + openId);
    }

    private long shownTo(String openId) {
        return db.count("SELECT count(*) FROM knowledge_answer_shown WHERE channel = 'WECHAT' AND asker_ref = $1",
                "default/" + openId);
    }

    private String shown(String column, String openId) {
        return db.string("SELECT " + column + "::text FROM knowledge_answer_shown WHERE channel = 'WECHAT' AND asker_ref = $1",
                "default/" + openId);
    }

    private String ask(String openId, long msgId) {
        long started = System.nanoTime();
        ExtractableResponse<Response> answer = WechatClient.pushEncrypted(text(openId, msgId, QUESTION));
        LOG.infof("WeChat question answered in %d ms (WeChat allows 5000 ms)", (System.nanoTime() - started) / 1_000_000);
        assertThat(answer.statusCode()).isEqualTo(200);
        return WechatClient.replyText(answer);
    }

    @Test
    void a_question_gets_the_article_with_its_source_and_no_appeal_and_a_retry_gets_the_same_reply() {
        String openId = openId();
        long msgId = MSG_IDS.incrementAndGet();

        String reply = ask(openId, msgId);
        String retry = WechatClient.replyText(WechatClient.pushEncrypted(text(openId, msgId, QUESTION)));

        String title = db.string("""
                SELECT v.title FROM knowledge_article a JOIN knowledge_article_version v
                    ON v.article_id = a.id AND v.version = a.published_version WHERE a.article_key = 'KB-REG-002'""");
        assertThat(reply).startsWith("【" + title + "】").contains("\n依据：").endsWith(ArticleReply.CLOSING);
        assertThat(retry).isEqualTo(reply);
        assertThat(appealsFrom(openId)).isZero();
        assertThat(shownTo(openId)).isEqualTo(1);
        assertThat(shown("sure", openId)).isEqualTo("true");
        assertThat(db.string("""
                SELECT a.article_key FROM knowledge_answer_shown s JOIN knowledge_article a ON a.id = s.article_id
                WHERE s.asker_ref = $1""", "default/" + openId)).isEqualTo("KB-REG-002");
    }

    @Test
    void escalating_files_the_question_as_exactly_one_appeal_however_often_it_is_sent_or_retried() {
        String openId = openId();
        long questionId = MSG_IDS.incrementAndGet();
        ask(openId, questionId);
        long escalateId = MSG_IDS.incrementAndGet();

        String first = WechatClient.replyText(WechatClient.pushEncrypted(text(openId, escalateId, "转人工")));
        String retried = WechatClient.replyText(WechatClient.pushEncrypted(text(openId, escalateId, "转人工")));
        String again = WechatClient.replyText(WechatClient.pushEncrypted(text(openId, MSG_IDS.incrementAndGet(), "转人工")));

        assertThat(appealsFrom(openId)).isEqualTo(1);
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE reply_to = $1", "default/" + openId);
        assertThat(first).startsWith("您的诉求已受理").contains(FollowerReplies.spoken(trackingNo));
        assertThat(retried).isEqualTo(first);
        assertThat(again).contains(FollowerReplies.spoken(trackingNo));
        assertThat(db.string("SELECT content FROM appeal WHERE tracking_no = $1", trackingNo)).isEqualTo(QUESTION);
        // the appeal the question would have been at once: the asking message's dedupe key
        assertThat(db.string("SELECT dedupe_key FROM appeal WHERE tracking_no = $1", trackingNo))
                .isEqualTo("WECHAT:default:" + openId + "|msg:" + questionId);
        assertThat(shown("followed_by", openId)).isEqualTo(trackingNo);
    }

    @Test
    void helpful_and_not_helpful_are_recorded_on_the_answer_shown_the_latest_standing() {
        String openId = openId();
        ask(openId, MSG_IDS.incrementAndGet());

        String helpful = WechatClient.replyText(WechatClient.pushEncrypted(text(openId, MSG_IDS.incrementAndGet(), "有用")));
        assertThat(helpful).isEqualTo(FollowerReplies.THANKS_HELPFUL);
        assertThat(shown("helpful", openId)).isEqualTo("true");

        String notHelpful = WechatClient.replyText(WechatClient.pushEncrypted(text(openId, MSG_IDS.incrementAndGet(), "没用")));
        assertThat(notHelpful).isEqualTo(FollowerReplies.THANKS_NOT_HELPFUL);
        assertThat(shown("helpful", openId)).isEqualTo("false");
        assertThat(appealsFrom(openId)).isZero();
    }

    @Test
    void a_complaint_is_filed_at_once_and_an_appeal_after_an_answer_counts_against_it() {
        String complainant = openId();
        String reply = WechatClient.replyText(WechatClient.pushEncrypted(text(complainant, MSG_IDS.incrementAndGet(), COMPLAINT)));
        assertThat(reply).startsWith("您的诉求已受理");
        assertThat(appealsFrom(complainant)).isEqualTo(1);
        assertThat(shownTo(complainant)).isZero();

        String asker = openId();
        ask(asker, MSG_IDS.incrementAndGet());
        WechatClient.pushEncrypted(text(asker, MSG_IDS.incrementAndGet(), COMPLAINT));
        String trackingNo = db.string("SELECT tracking_no FROM appeal WHERE reply_to = $1", "default/" + asker);
        assertThat(trackingNo).isNotNull();
        assertThat(shown("followed_by", asker)).isEqualTo(trackingNo);
    }

    @Test
    void escalating_or_rating_with_no_answer_given_files_and_records_nothing() {
        String openId = openId();
        assertThat(WechatClient.replyText(WechatClient.pushEncrypted(text(openId, MSG_IDS.incrementAndGet(), "转人工"))))
                .isEqualTo(FollowerReplies.NOTHING_TO_ESCALATE);
        assertThat(WechatClient.replyText(WechatClient.pushEncrypted(text(openId, MSG_IDS.incrementAndGet(), "有用"))))
                .isEqualTo(FollowerReplies.NOTHING_TO_RATE);
        assertThat(appealsFrom(openId)).isZero();
        assertThat(shownTo(openId)).isZero();
    }
}
