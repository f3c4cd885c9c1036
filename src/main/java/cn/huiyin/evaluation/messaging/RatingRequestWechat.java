package cn.huiyin.evaluation.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.Channel;
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
            Optional<WechatRecipient> recipient = WechatRecipient.of(replyTo);
            WechatConfig.Account account = recipient.map(r -> wechat.accounts().get(r.account())).orElse(null);
            if (account == null) {
                return Uni.createFrom().failure(new PermanentFailure("WeChat appeal " + request.trackingNo()
                        + " has no usable reply_to: " + replyTo));
            }
            if (account.appSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
                LOG.debugf("WeChat account of appeal %s has no app-secret: no rating request", request.trackingNo());
                return Uni.createFrom().voidItem();
            }
            return messenger.sendText(recipient.get().account(), recipient.get().openId(),
                    request.wechatText(requests.link(request)), "outbox-" + message.id());
        });
    }
}
