package cn.huiyin.channel.wechat.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.notify.wechat.WechatConfig;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import cn.huiyin.notify.sms.SmsConfig;
import cn.huiyin.notify.sms.SmsGateway;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.domain.Uscc;
import io.smallrye.mutiny.Uni;

/** The answers that create nothing: the welcome, menu keys, the list of a follower's appeals, binding. */
@ApplicationScoped
public class WechatAnswers {

    static final String WELCOME = "欢迎关注！直接发送文字描述企业遇到的问题即可提交诉求，我们会立即告诉您诉求编号。"
            + "发送“查询”可查看办理进度；发送“绑定 统一社会信用代码 手机号”可绑定您的企业。";
    static final String ASK_IDENTITY = "\n为便于联系，请回复：绑定 统一社会信用代码 手机号（例如：绑定 914403001922038216 13800138000）。";

    /** "绑定 <USCC> <mobile>"; anything else that merely starts with 绑定 is an ordinary message. */
    static final Pattern BINDING = Pattern.compile("绑定[\\s\\u3000]+([0-9A-Za-z]{18})[\\s\\u3000]+([+0-9\\s\\u3000-]{11,20})");

    Uni<String> onEvent(String replyTo, InboundMessage.Event event) {
        String key = event.eventKey() == null ? "" : event.eventKey();
        return switch (event.event()) {
            case "subscribe" -> Uni.createFrom().item(WELCOME);
            case "CLICK" -> switch (key) {
                case "SUBMIT" -> Uni.createFrom().item(WELCOME);
                case "MY_APPEALS" -> myAppeals(replyTo);
                case "RATE" -> awaitingRating(replyTo);
                default -> Uni.createFrom().item("");
            };
            default -> Uni.createFrom().item("");
        };
    }

    Uni<String> myAppeals(String replyTo) {
        return repository.appealsOf(replyTo, 5).map(lines -> lines.isEmpty() ? "您还没有通过本公众号提交过诉求。"
                : "您最近的诉求：\n" + lines.stream().map(l -> spoken(l.trackingNo()) + " " + l.title() + " — "
                        + AppealStatus.valueOf(l.status()).label()).collect(Collectors.joining("\n")));
    }

    private Uni<String> awaitingRating(String replyTo) {
        return repository.appealsOf(replyTo, 20).map(lines -> {
            List<String> replied = lines.stream().filter(l -> l.status().equals(AppealStatus.REPLIED.name()))
                    .map(l -> spoken(l.trackingNo()) + " " + l.title()).toList();
            return replied.isEmpty() ? "暂无待评价的诉求。" : "以下诉求已答复，待您评价：\n" + String.join("\n", replied);
        });
    }

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

    static final Pattern CONFIRMATION = Pattern.compile("验证[\\s\\u3000]*(\\d{6})");
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

    private static String spoken(String trackingNo) {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }
}
