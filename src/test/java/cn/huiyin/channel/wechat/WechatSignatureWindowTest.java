package cn.huiyin.channel.wechat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.channel.wechat.domain.WechatSignature;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WechatClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The signature window is the account's: one configured for 30 minutes (captured vectors, a skewed clock) takes a push
 * signed 29 minutes off either way and refuses one 31 minutes off, while an account left at the default keeps WeChat's
 * five minutes.
 */
@QuarkusTest
@TestProfile(WechatSignatureWindowTest.SkewedAccount.class)
class WechatSignatureWindowTest {

    private static final String TOKEN = "skewedToken2026";
    private static final String ACCOUNT_ID = "gh_huiyin_skewed";
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    /** A plaintext account "skewed" with a 30-minute window, beside the test profile's accounts. */
    public static class SkewedAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "huiyin.wechat.accounts.skewed.token", TOKEN,
                    "huiyin.wechat.accounts.skewed.app-id", "wx0000000000000002",
                    "huiyin.wechat.accounts.skewed.account-id", ACCOUNT_ID,
                    "huiyin.wechat.accounts.skewed.mode", "PLAIN",
                    "huiyin.wechat.accounts.skewed.signature-window", "30m");
        }
    }

    @Inject
    Database db;

    private static String openId() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    /** A plaintext push to {@code account} signed with {@code token} at {@code offset} from now. */
    private static ExtractableResponse<Response> push(String account, String token, String accountId, String openId,
            Duration offset) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000 + offset.toSeconds());
        String xml = WechatClient.text(openId, Long.parseLong(timestamp), String.valueOf(MSG_IDS.incrementAndGet()),
                "园区门口的路灯坏了一个月，晚上货车进出很危险，请帮忙协调修复。").replace(WechatClient.ACCOUNT_ID, accountId);
        return given().contentType("text/xml").body(xml.getBytes(StandardCharsets.UTF_8)).queryParam("account", account)
                .queryParam("signature", WechatSignature.urlSignature(token, timestamp, "7"))
                .queryParam("timestamp", timestamp).queryParam("nonce", "7")
                .post("/api/v1/channels/wechat").then().extract();
    }

    private long appealsFrom(String account, String openId) {
        return db.count("SELECT count(*) FROM appeal WHERE reply_to = $1", account + "/" + openId);
    }

    private void accepted(String account, String token, String accountId, Duration offset) {
        String openId = openId();
        ExtractableResponse<Response> response = push(account, token, accountId, openId, offset);
        assertThat(response.statusCode()).as("push signed %s from now", offset).isEqualTo(200);
        assertThat(WechatClient.field(response.asString(), "Content")).contains("诉求已受理");
        assertThat(appealsFrom(account, openId)).isEqualTo(1);
    }

    private void refused(String account, String token, String accountId, Duration offset) {
        String openId = openId();
        ExtractableResponse<Response> response = push(account, token, accountId, openId, offset);
        assertThat(response.statusCode()).as("push signed %s from now", offset).isEqualTo(401);
        assertThat(response.<String> path("type")).endsWith("/bad-signature");
        assertThat(appealsFrom(account, openId)).isZero();
        assertThat(db.count("SELECT count(*) FROM wechat_message WHERE account = $1 AND open_id = $2", account, openId)).isZero();
    }

    @Test
    void a_configured_window_takes_a_push_just_inside_it_either_way() {
        accepted("skewed", TOKEN, ACCOUNT_ID, Duration.ofMinutes(-29));
        accepted("skewed", TOKEN, ACCOUNT_ID, Duration.ofMinutes(29));
    }

    @Test
    void a_configured_window_refuses_a_push_just_outside_it_either_way() {
        refused("skewed", TOKEN, ACCOUNT_ID, Duration.ofMinutes(-31));
        refused("skewed", TOKEN, ACCOUNT_ID, Duration.ofMinutes(31));
    }

    @Test
    void an_account_without_the_setting_keeps_five_minutes() {
        accepted("plain", "plainToken2026", "gh_huiyin_plain", Duration.ofMinutes(-4));
        refused("plain", "plainToken2026", "gh_huiyin_plain", Duration.ofMinutes(-6));
        refused("plain", "plainToken2026", "gh_huiyin_plain", Duration.ofMinutes(6));
    }
}
