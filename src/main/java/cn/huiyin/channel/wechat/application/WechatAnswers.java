package cn.huiyin.channel.wechat.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import cn.huiyin.shared.domain.MobileNumber;
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
        return repository.bind(account, openId, uscc.get().value(), mobile.get().normalized(), clock.instant())
                .replaceWith("已绑定企业（统一社会信用代码 " + uscc.get().value() + "，联系电话 " + mobile.get().masked()
                        + "）。今后提交的诉求将关联该企业。");
    }

    @Inject
    WechatRepository repository;

    @Inject
    Clock clock;

    private static String spoken(String trackingNo) {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }
}
