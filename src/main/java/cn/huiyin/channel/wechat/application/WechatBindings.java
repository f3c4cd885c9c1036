package cn.huiyin.channel.wechat.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.channel.wechat.persistence.WechatRepository;
import cn.huiyin.notify.sms.SmsConfig;
import cn.huiyin.notify.sms.SmsGateway;
import cn.huiyin.notify.wechat.WechatConfig;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.Uscc;
import io.smallrye.mutiny.Uni;

/**
 * Binding a follower to an enterprise, so that their appeals carry its credit code and a mobile number. Unless
 * configured otherwise the binding waits for a code sent by SMS to that mobile, so that nobody binds a number
 * that is not theirs.
 */
@ApplicationScoped
public class WechatBindings {

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WechatConfig config;

    @Inject
    SmsConfig sms;

    @Inject
    SmsGateway gateway;

    @Inject
    WechatRepository repository;

    @Inject
    Clock clock;

    /** "绑定 &lt;USCC&gt; &lt;mobile&gt;": binds at once, or sends the code that {@link #confirm} completes. */
    Uni<String> bind(String account, String openId, String usccText, String mobileText) {
        Optional<Uscc> uscc = Uscc.parse(usccText);
        Optional<MobileNumber> mobile = MobileNumber.parse(mobileText.replaceAll("[\\s\\u3000]", ""));
        if (uscc.isEmpty() || mobile.isEmpty()) {
            return Uni.createFrom().item("绑定信息有误。请回复：绑定 统一社会信用代码 手机号（例如：绑定 914403001922038216 13800138000）。");
        }
        if (config.bindingConfirmation() == WechatConfig.BindingConfirmation.NONE) {
            return repository.bind(account, openId, uscc.get().value(), mobile.get().normalized(), clock.instant())
                    .replaceWith(bound(uscc.get().value(), mobile.get()));
        }
        if (!sms.enabled()) {
            return Uni.createFrom().item("暂时无法发送短信验证码，请稍后再试，或通过网页提交诉求。");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        return repository.pendBinding(account, openId, uscc.get().value(), mobile.get().normalized(), codeHash(openId, code),
                now.plus(CODE_LIFETIME), now)
                .chain(() -> gateway.send("bind-" + account + "-" + openId + "-" + now.getEpochSecond(),
                        mobile.get().normalized(), sms.bindingTemplate(), Map.of("code", code)))
                .replaceWith("验证码已发送至 " + mobile.get().masked() + "，10分钟内有效。请回复：验证 六位验证码")
                .onFailure().recoverWithItem("验证码发送失败，请稍后再试。");
    }

    /** "验证 123456": completes the pending binding when the code is right. */
    Uni<String> confirm(String account, String openId, String code) {
        return repository.confirmBinding(account, openId, codeHash(openId, code), clock.instant())
                .map(bound -> bound.map(f -> bound(f.uscc(), MobileNumber.parse(f.mobile()).orElseThrow()))
                        .orElse("验证码不正确或已过期。请重新发送：绑定 统一社会信用代码 手机号"));
    }

    private static String bound(String uscc, MobileNumber mobile) {
        return "已绑定企业（统一社会信用代码 " + uscc + "，联系电话 " + mobile.masked() + "）。今后提交的诉求将关联该企业。";
    }

    /** Scoped to the follower, so a code is worth nothing to anyone else; only this hash is stored. */
    private static String codeHash(String openId, String code) {
        return Sha256.hex(openId + ":" + code);
    }
}
