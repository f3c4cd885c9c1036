package cn.huiyin.channel.wechat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import cn.huiyin.testsupport.WechatClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A follower bound with "绑定 <USCC> <mobile>" appeals under the name known for that USCC, never a made-up one. */
@QuarkusTest
class WechatBoundEnterpriseNameTest {

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 700_000);
    /** A demo enterprise: on the register as 广州天河云帆科技有限公司. */
    private static final String REGISTERED = "91440106MA5CXK8R10";

    @Inject
    Database db;

    private static String openId() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Binds a new follower to {@code uscc}, then sends one appeal; returns its tracking number. */
    private String appealOfFollowerBoundTo(String uscc) {
        String openId = openId();
        var bound = WechatClient.pushEncrypted(WechatClient.text(openId, now(), String.valueOf(MSG_IDS.incrementAndGet()),
                "绑定 " + uscc + " 13800138000"));
        assertThat(WechatClient.replyText(bound)).startsWith("已绑定企业");
        WechatClient.pushEncrypted(WechatClient.text(openId, now() + 1, String.valueOf(MSG_IDS.incrementAndGet()),
                "申请稳岗返还一直没有到账，请帮忙查一下进度"));
        String no = db.string("SELECT tracking_no FROM appeal WHERE reply_to = $1", "default/" + openId);
        assertThat(no).isNotNull();
        assertThat(db.string("SELECT uscc FROM appeal WHERE tracking_no = $1", no)).isEqualTo(uscc);
        return no;
    }

    private String nameOf(String trackingNo) {
        return db.string("SELECT enterprise_name FROM appeal WHERE tracking_no = $1", trackingNo);
    }

    @Test
    void a_registered_enterprise_gives_its_registered_name() {
        String no = appealOfFollowerBoundTo(REGISTERED);

        assertThat(nameOf(no)).isEqualTo("广州天河云帆科技有限公司");
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).get("/api/v1/appeals/" + no).then().statusCode(200)
                .body("enterpriseName", equalTo("广州天河云帆科技有限公司"));
    }

    @Test
    void an_enterprise_known_from_an_earlier_appeal_gives_the_name_it_appealed_under() {
        String uscc = Usccs.random();
        Map<String, Object> earlier = Appeals.with("uscc", uscc);
        earlier.put("enterpriseName", "广州穗禾新材料有限公司");
        given().contentType(ContentType.JSON).body(earlier).post("/api/v1/appeals").then().statusCode(202);

        assertThat(nameOf(appealOfFollowerBoundTo(uscc))).isEqualTo("广州穗禾新材料有限公司");
    }

    @Test
    void an_enterprise_nobody_has_named_stays_without_a_name() {
        assertThat(nameOf(appealOfFollowerBoundTo(Usccs.random()))).isNull();
    }
}
