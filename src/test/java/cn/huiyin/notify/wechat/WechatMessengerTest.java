package cn.huiyin.notify.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StubWechatApi;
import cn.huiyin.testsupport.StubWechatApi.Received;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Later messages to WeChat followers, against a stub of WeChat's API: token sharing, refresh, window, template. */
@QuarkusTest
@WithTestResource(StubWechatApi.class)
class WechatMessengerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ACCOUNT = "default";

    @Inject
    WechatMessenger messenger;

    @Inject
    WechatAccessTokens tokens;

    @Inject
    OutboxRelay relay;

    @Inject
    Database db;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    TrackingNumberIssuer issuer;

    @Inject
    IntakePublisher intake;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @BeforeEach
    void reset() {
        relay.relayOnce().await().atMost(PATIENCE); // deliver whatever earlier tests left behind
        // a token cached by an earlier run (or test) would hide the fetch
        redis.key().del(tokenKey(), keyPrefix + "wechat:token-lock:" + ACCOUNT).await().atMost(PATIENCE);
        StubWechatApi.reset();
    }

    private String tokenKey() {
        return keyPrefix + "wechat:token:" + ACCOUNT;
    }

    /** A follower of the default account who last wrote {@code minutesAgo} minutes ago. */
    private String follower(int minutesAgo) {
        String openId = "o-" + UUID.randomUUID();
        db.execute("""
                INSERT INTO wechat_follower (account, open_id, last_message_at)
                VALUES ($1, $2, now() - make_interval(mins => $3))""", ACCOUNT, openId, minutesAgo);
        return openId;
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    private void send(String openId, String content, String idempotencyKey) {
        messenger.sendText(ACCOUNT, openId, content, idempotencyKey).await().atMost(PATIENCE);
    }

    @Test
    void one_token_is_fetched_and_shared_by_concurrent_sends() {
        String first = follower(5);
        String second = follower(5);

        Uni.combine().all().unis(messenger.sendText(ACCOUNT, first, "第一条", key()),
                messenger.sendText(ACCOUNT, second, "第二条", key())).discardItems().await().atMost(PATIENCE);
        send(first, "第三条", key());

        assertThat(StubWechatApi.tokenCalls()).isEqualTo(1);
        StubWechatApi.TokenRequest fetched = StubWechatApi.TOKEN_REQUESTS.get(0);
        assertThat(fetched.grantType()).isEqualTo("client_credential");
        assertThat(fetched.appId()).isEqualTo("wxb11529c136998cb6");
        assertThat(fetched.secret()).isEqualTo("test-app-secret");
        List<Received> custom = StubWechatApi.customMessages();
        assertThat(custom).hasSize(3).allSatisfy(r -> assertThat(r.accessToken()).isEqualTo(fetched.issued()));
        assertThat(custom).extracting(r -> r.body().getString("touser")).containsExactlyInAnyOrder(first, second, first);
        Received one = custom.stream().filter(r -> r.body().getJsonObject("text").getString("content").equals("第一条"))
                .findFirst().orElseThrow();
        assertThat(one.body().getString("msgtype")).isEqualTo("text");
        assertThat(StubWechatApi.templateMessages()).isEmpty();
        assertThat(redis.value(String.class).get(tokenKey()).await().atMost(PATIENCE)).isEqualTo(fetched.issued());
    }

    @Test
    void a_refused_token_is_replaced_and_the_message_sent_again_once() {
        String openId = follower(5);
        StubWechatApi.NEXT_ERRCODES.add(40001);

        send(openId, "您的诉求已办结", key());

        assertThat(StubWechatApi.tokenCalls()).isEqualTo(2);
        String stale = StubWechatApi.TOKEN_REQUESTS.get(0).issued();
        String fresh = StubWechatApi.TOKEN_REQUESTS.get(1).issued();
        List<Received> custom = StubWechatApi.customMessages();
        assertThat(custom).hasSize(2);
        assertThat(custom.get(0).accessToken()).isEqualTo(stale);
        assertThat(custom.get(0).answered()).isEqualTo(40001);
        assertThat(custom.get(1).accessToken()).isEqualTo(fresh);
        assertThat(custom.get(1).answered()).isZero();
        assertThat(custom).filteredOn(r -> r.answered() == 0).hasSize(1);
        assertThat(redis.value(String.class).get(tokenKey()).await().atMost(PATIENCE)).isEqualTo(fresh);
    }

    @Test
    void invalidating_a_stale_token_keeps_a_fresher_one() {
        String openId = follower(5);
        send(openId, "第一条", key());
        String current = StubWechatApi.TOKEN_REQUESTS.get(0).issued();

        tokens.invalidate(ACCOUNT, "T-someone-elses-old-token").await().atMost(PATIENCE);

        assertThat(redis.value(String.class).get(tokenKey()).await().atMost(PATIENCE)).isEqualTo(current);
        send(openId, "第二条", key());
        assertThat(StubWechatApi.tokenCalls()).isEqualTo(1);
    }

    @Test
    void outside_the_window_at_wechat_the_template_goes_out_with_the_idempotency_key() {
        String openId = follower(5);
        String idempotencyKey = key();
        StubWechatApi.NEXT_ERRCODES.add(45015);

        send(openId, "您的诉求已办结", idempotencyKey);

        assertThat(StubWechatApi.customMessages()).hasSize(1);
        assertThat(StubWechatApi.templateMessages()).singleElement().satisfies(template -> {
            assertThat(template.body().getString("touser")).isEqualTo(openId);
            assertThat(template.body().getString("template_id")).isEqualTo("TPL_NOTICE");
            assertThat(template.body().getString("client_msg_id")).isEqualTo(idempotencyKey);
            assertThat(template.body().getJsonObject("data").getJsonObject("content").getString("value"))
                    .isEqualTo("您的诉求已办结");
            assertThat(template.answered()).isZero();
        });
    }

    @Test
    void a_follower_silent_for_three_days_gets_the_template_directly() {
        String openId = follower(3 * 24 * 60);
        String idempotencyKey = key();

        send(openId, "您的诉求已办结", idempotencyKey);

        assertThat(StubWechatApi.customMessages()).isEmpty();
        assertThat(StubWechatApi.templateMessages()).singleElement()
                .satisfies(template -> assertThat(template.body().getString("client_msg_id")).isEqualTo(idempotencyKey));
    }

    @Test
    void someone_who_never_wrote_gets_the_template() {
        send("o-never-wrote-" + UUID.randomUUID(), "您的诉求已办结", key());

        assertThat(StubWechatApi.customMessages()).isEmpty();
        assertThat(StubWechatApi.templateMessages()).hasSize(1);
    }

    @Test
    void an_invalid_openid_is_a_permanent_failure() {
        String openId = follower(5);
        StubWechatApi.NEXT_ERRCODES.add(40003);

        assertThatThrownBy(() -> send(openId, "您的诉求已办结", key()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("40003");
        assertThat(StubWechatApi.RECEIVED).hasSize(1);
    }

    @Test
    void a_busy_or_rate_limited_wechat_is_retried_later() {
        String openId = follower(5);
        StubWechatApi.NEXT_ERRCODES.add(45009);

        assertThatThrownBy(() -> send(openId, "您的诉求已办结", key()))
                .isNotInstanceOf(PermanentFailure.class).hasMessageContaining("45009");
        StubWechatApi.NEXT_ERRCODES.add(-1);
        assertThatThrownBy(() -> send(openId, "您的诉求已办结", key()))
                .isNotInstanceOf(PermanentFailure.class).hasMessageContaining("-1");
    }

    @Test
    void a_new_wechat_appeal_is_acknowledged_once_from_the_outbox() {
        String openId = follower(1);
        String trackingNo = wechatAppeal(ACCOUNT + "/" + openId);

        relay.relayOnce().await().atMost(PATIENCE);

        assertThat(StubWechatApi.customMessages()).singleElement().satisfies(message -> {
            assertThat(message.body().getString("touser")).isEqualTo(openId);
            String content = message.body().getJsonObject("text").getString("content");
            assertThat(content).contains(TrackingNumber.parse(trackingNo).orElseThrow().spoken()).startsWith("您的诉求已受理");
        });
        assertThat(db.string("SELECT (published_at IS NOT NULL)::text FROM outbox WHERE id = $1", outboxId(trackingNo)))
                .isEqualTo("true");
        assertThat(db.string("SELECT last_error FROM outbox WHERE id = $1", outboxId(trackingNo))).isNull();

        relay.relayOnce().await().atMost(PATIENCE);
        assertThat(StubWechatApi.RECEIVED).hasSize(1);
    }

    @Test
    void an_account_without_app_secret_sends_nothing_and_is_done() {
        String trackingNo = wechatAppeal("plain/o-" + UUID.randomUUID());

        relay.relayOnce().await().atMost(PATIENCE);

        assertThat(StubWechatApi.RECEIVED).isEmpty();
        assertThat(StubWechatApi.tokenCalls()).isZero();
        assertThat(db.string("SELECT (published_at IS NOT NULL)::text FROM outbox WHERE id = $1", outboxId(trackingNo)))
                .isEqualTo("true");
        assertThat(db.string("SELECT last_error FROM outbox WHERE id = $1", outboxId(trackingNo))).isNull();
    }

    /** Puts a WeChat appeal on the intake stream, as the callback does, and waits until it is stored. */
    private String wechatAppeal(String replyTo) {
        String trackingNo = issuer.next().await().atMost(PATIENCE).value();
        String content = "我司办理营业执照变更时系统一直报错，请协助处理。" + trackingNo;
        IntakeEnvelope envelope = new IntakeEnvelope(trackingNo, "WECHAT", "WECHAT:test-" + UUID.randomUUID(),
                Sha256.hex(content), Instant.now(), "wechat:" + replyTo, "MISSING", null, null, null, null, null,
                "营业执照变更报错", content, "HELP", null, false, null, replyTo);
        intake.publish(envelope).await().atMost(PATIENCE);
        await().atMost(PATIENCE).until(() -> db.count("SELECT count(*) FROM appeal WHERE tracking_no = $1", trackingNo) == 1);
        return trackingNo;
    }

    private long outboxId(String trackingNo) {
        return db.count("""
                SELECT o.id FROM outbox o JOIN appeal a ON a.id = o.appeal_id
                WHERE a.tracking_no = $1 AND o.event_type = 'AppealReceived'""", trackingNo);
    }
}
