package cn.huiyin.channel.wechat.application;

import static cn.huiyin.channel.wechat.domain.FollowerReplies.spoken;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import io.smallrye.mutiny.Uni;

/** The answers that change nothing: the welcome, menu keys, the list of a follower's appeals. */
@ApplicationScoped
public class WechatAnswers {

    private static final String WELCOME = "欢迎关注！直接发送文字描述企业遇到的问题即可提交诉求，我们会立即告诉您诉求编号。"
            + "发送“查询”可查看办理进度；发送“绑定 统一社会信用代码 手机号”可绑定您的企业。";

    @Inject
    WechatRepository repository;

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
}
