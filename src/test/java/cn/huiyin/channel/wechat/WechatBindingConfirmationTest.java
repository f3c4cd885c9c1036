package cn.huiyin.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StubHttpServer;
import cn.huiyin.testsupport.WechatClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A binding counts only once the follower sends back the code that went by SMS to the mobile it names. */
@QuarkusTest
@TestProfile(WechatBindingConfirmationTest.ConfirmBySms.class)
@WithTestResource(StubHttpServer.class)
class WechatBindingConfirmationTest {

    public static class ConfirmBySms implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.wechat.binding-confirmation", "SMS");
        }
    }

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 7);
    private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");

    @Inject
    Database db;

    private static String say(String openId, String text) {
        return WechatClient.replyText(WechatClient.pushEncrypted(WechatClient.text(openId, System.currentTimeMillis() / 1000,
                String.valueOf(MSG_IDS.incrementAndGet()), text)));
    }

    @Test
    void the_code_sent_to_the_mobile_binds_the_follower_and_a_wrong_or_foreign_code_does_not() {
        StubHttpServer.RECEIVED.clear();
        String openId = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);

        assertThat(say(openId, "绑定 914403001922038216 13800138000")).startsWith("验证码已发送至 138****8000");
        assertThat(StubHttpServer.RECEIVED).hasSize(1);
        String sms = StubHttpServer.RECEIVED.get(0).body();
        assertThat(sms).contains("BINDING_CODE").contains("\"to\":\"13800138000\"");
        Matcher code = CODE.matcher(sms);
        assertThat(code.find()).isTrue();
        String wrong = code.group(1).equals("000000") ? "000001" : "000000";

        assertThat(say(openId, "验证 " + wrong)).startsWith("验证码不正确");
        assertThat(say("o-someone-else-" + UUID.randomUUID().toString().substring(0, 8), "验证 " + code.group(1)))
                .startsWith("验证码不正确");
        assertThat(db.count("SELECT count(*) FROM wechat_follower WHERE open_id = $1 AND bound_at IS NOT NULL", openId)).isZero();

        assertThat(say(openId, "验证 " + code.group(1))).startsWith("已绑定企业");
        say(openId, "申请稳岗返还一直没有到账，请帮忙查一下进度");
        assertThat(db.string("SELECT identity_state FROM appeal WHERE reply_to = $1", "default/" + openId)).isEqualTo("DECLARED");
        assertThat(db.string("SELECT uscc FROM appeal WHERE reply_to = $1", "default/" + openId)).isEqualTo("914403001922038216");
    }
}
