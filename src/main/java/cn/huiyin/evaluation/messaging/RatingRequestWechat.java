package cn.huiyin.evaluation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.evaluation.domain.RatingCommand;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.notify.wechat.WechatConfig;
import cn.huiyin.notify.wechat.WechatMessenger;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/** A WeChat appellant is asked on the official account to reply "评价 5" (or to open the signed link). */
@ApplicationScoped
public class RatingRequestWechat implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(RatingRequestWechat.class);

    @Inject
    WechatConfig wechat;

    @Inject
    WechatMessenger messenger;

    @Inject
    EvaluationRepository appeals;

    @Inject
    RatingRequest.Reader requests;

    @Override
    public boolean handles(OutboxMessage message) {
        return requests.on(message, Channel.WECHAT.name());
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        RatingRequest request = requests.read(message);
        return appeals.contact(message.appealId()).chain(contact -> {
            String replyTo = contact.map(EvaluationRepository.Contact::replyTo).orElse("");
            int slash = replyTo.indexOf('/');
            WechatConfig.Account account = slash <= 0 ? null : wechat.accounts().get(replyTo.substring(0, slash));
            if (account == null || slash == replyTo.length() - 1) {
                return Uni.createFrom().failure(new PermanentFailure("WeChat appeal " + request.trackingNo()
                        + " has no usable reply_to: " + replyTo));
            }
            if (account.appSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
                LOG.debugf("WeChat account of appeal %s has no app-secret: no rating request", request.trackingNo());
                return Uni.createFrom().voidItem();
            }
            return messenger.sendText(replyTo.substring(0, slash), replyTo.substring(slash + 1), text(request),
                    "outbox-" + message.id());
        });
    }

    private String text(RatingRequest request) {
        return "您的诉求（编号 " + request.spokenNumber() + "）已答复，请您评价。" + RatingCommand.HOW_TO
                + "也可打开链接评价：" + requests.link(request);
    }
}
