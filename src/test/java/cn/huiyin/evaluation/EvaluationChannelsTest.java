package cn.huiyin.evaluation;

import static cn.huiyin.evaluation.EvaluationFlow.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StubHttpServer;
import cn.huiyin.testsupport.StubWechatApi;
import cn.huiyin.testsupport.WechatClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The appellant is asked on its own channel and rates there: the SMS link's page, and a WeChat reply. */
@QuarkusTest
@WithTestResource(StubHttpServer.class)
@WithTestResource(StubWechatApi.class)
class EvaluationChannelsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern LINK = Pattern.compile("/rate/([0-9A-Za-z_-]+)");
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 500_000);

    @Inject
    OutboxRelay relay;

    @Inject
    Database db;

    @Inject
    RatingLinks links;

    @BeforeEach
    void reset() {
        relay.relayOnce().await().atMost(PATIENCE);
        StubHttpServer.RECEIVED.clear();
        StubHttpServer.NEXT_STATUSES.clear();
        StubWechatApi.reset();
    }

    /** As a browser posts the UTF-8 page's form. */
    private static io.restassured.specification.RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private long ratings(String no) {
        return db.count("SELECT count(*) FROM rating g JOIN appeal a ON a.id = g.appeal_id WHERE a.tracking_no = $1", no);
    }

    /** The token of the rating link texted for this appeal. */
    private String textedToken(String no) {
        relay.relayOnce().await().atMost(PATIENCE);
        var sms = StubHttpServer.RECEIVED.stream().filter(r -> r.body().contains("RATING_REQUEST") && r.body().contains(no))
                .toList();
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).body()).contains("\"to\":\"13800138000\"");
        Matcher link = LINK.matcher(sms.get(0).body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void a_web_appellant_rates_through_the_texted_link_once() {
        String no = EvaluationFlow.answered(false);
        String token = textedToken(no);

        given().get("/rate/" + token).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("评价答复")).body(containsString("非常满意")).body(containsString("name=\"level\""));
        form().formParam("resolved", "yes").post("/rate/" + token).then().statusCode(422)
                .body(containsString("请选择满意程度"));
        assertThat(ratings(no)).isZero();

        form().formParam("resolved", "yes").formParam("level", "4")
                .formParam("comment", "答复及时").post("/rate/" + token).then().statusCode(200)
                .body(containsString("感谢您的评价"));
        form().formParam("resolved", "no").formParam("level", "1")
                .post("/rate/" + token).then().statusCode(409).body(containsString("已评价"));

        assertThat(ratings(no)).isEqualTo(1);
        assertThat(db.string("SELECT via || '/' || level || '/' || comment FROM rating g JOIN appeal a ON a.id = g.appeal_id "
                + "WHERE a.tracking_no = $1", no)).isEqualTo("LINK/4/答复及时");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE payload LIKE '%' || $1 || '%'", token)).isZero();
    }

    @Test
    void forged_and_expired_links_are_refused_and_store_nothing() {
        String no = EvaluationFlow.answered(false);
        String token = textedToken(no);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String otherRound = token.replaceFirst("^(\\d{13})-1-", "$1-2-");
        String expired = links.token(no, 1, Instant.now().minusSeconds(60));

        for (String bad : new String[] { forged, otherRound, "not-a-token", "%3Cscript%3E" }) {
            form().formParam("resolved", "yes").formParam("level", "5")
                    .post("/rate/" + bad).then().statusCode(403).body(containsString("链接无效"));
        }
        given().get("/rate/" + forged).then().statusCode(403);
        form().formParam("resolved", "yes").formParam("level", "5")
                .post("/rate/" + expired).then().statusCode(410).body(containsString("已过期"));
        assertThat(ratings(no)).isZero();
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("REPLIED");
    }

    @Test
    void a_wechat_appellant_is_asked_on_the_account_and_rates_by_replying() {
        String openId = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        long now = System.currentTimeMillis() / 1000;
        WechatClient.pushEncrypted(WechatClient.text(openId, now, String.valueOf(MSG_IDS.incrementAndGet()),
                "我司开具数电发票一直提示授信额度不足，影响正常开票，请协助处理。"));
        String no = db.string("SELECT tracking_no FROM appeal WHERE reply_to = $1", "default/" + openId);
        // the dispatcher's placing is another capability's work: put it with the tax office directly
        db.execute("UPDATE appeal SET status = 'DISPATCHED', handling_unit = 'TAX' WHERE tracking_no = $1", no);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null).statusCode(200);
        EvaluationFlow.reply(no);
        relay.relayOnce().await().atMost(PATIENCE);

        var asked = StubWechatApi.customMessages().stream()
                .filter(m -> m.body().getString("touser").equals(openId)
                        && m.body().getJsonObject("text").getString("content").contains("请您评价"))
                .toList();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).body().getJsonObject("text").getString("content")).contains("评价 2 未解决").contains("/rate/");

        var someoneElse = WechatClient.pushEncrypted(WechatClient.text("o" + UUID.randomUUID().toString().substring(0, 20),
                now + 1, String.valueOf(MSG_IDS.incrementAndGet()), "评价 " + no + " 5"));
        assertThat(WechatClient.replyText(someoneElse)).contains("没有找到");
        assertThat(ratings(no)).isZero();

        var rated = WechatClient.pushEncrypted(WechatClient.text(openId, now + 2, String.valueOf(MSG_IDS.incrementAndGet()),
                "评价 2 未解决"));
        assertThat(WechatClient.replyText(rated)).contains("感谢您的评价").contains("不满意，问题未解决");
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("REWORK");
        assertThat(db.string("SELECT via || '/' || level || '/' || resolved FROM rating g JOIN appeal a ON a.id = g.appeal_id "
                + "WHERE a.tracking_no = $1", no)).isEqualTo("WECHAT/2/false");

        var again = WechatClient.pushEncrypted(WechatClient.text(openId, now + 3, String.valueOf(MSG_IDS.incrementAndGet()),
                "评价 5"));
        assertThat(WechatClient.replyText(again)).contains("没有找到");
        var malformed = WechatClient.pushEncrypted(WechatClient.text(openId, now + 4, String.valueOf(MSG_IDS.incrementAndGet()),
                "评价 9"));
        assertThat(WechatClient.replyText(malformed)).contains("未能识别");
        assertThat(ratings(no)).isEqualTo(1);
        given().auth().oauth2(Appeals.tokenFor("admin")).get("/api/v1/appeals/" + no + "/integrity").then()
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }
}
