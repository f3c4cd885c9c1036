package cn.huiyin.notify.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/**
 * A follower who wrote an appeal to an official account is told, on the account, that it was accepted and
 * under which number, and later the unit's answer. The outbox row's id is the idempotency key. Accounts without an app secret cannot
 * call WeChat's API: their followers only get the passive reply.
 */
@ApplicationScoped
public class WechatReceivedNotice implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(WechatReceivedNotice.class);

    @Inject
    WechatConfig config;

    @Inject
    WechatMessenger messenger;

    @Inject
    AppealQueryService appeals;

    @Inject
    ObjectMapper json;

    @Override
    public boolean handles(OutboxMessage message) {
        if (!"AppealReceived".equals(message.eventType()) && !"AppealReplied".equals(message.eventType())) {
            return false;
        }
        try {
            return Channel.WECHAT.name().equals(field(message, "channel"));
        } catch (PermanentFailure unreadable) {
            LOG.debugf("outbox row %d: %s", message.id(), unreadable.getMessage());
            return false;
        }
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        String fromPayload = field(message, "trackingNo");
        return appeals.replyAddress(message.appealId())
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().failure(new PermanentFailure("no appeal " + message.appealId()));
                    }
                    String trackingNo = fromPayload != null ? fromPayload : found.get().trackingNo();
                    String replyTo = found.get().replyTo();
                    int slash = replyTo == null ? -1 : replyTo.indexOf('/');
                    if (slash <= 0 || slash == replyTo.length() - 1) {
                        return Uni.createFrom().failure(new PermanentFailure(
                                "WeChat appeal " + trackingNo + " has no usable reply_to: " + replyTo));
                    }
                    String accountName = replyTo.substring(0, slash);
                    String openId = replyTo.substring(slash + 1);
                    WechatConfig.Account account = config.accounts().get(accountName);
                    if (account == null) {
                        return Uni.createFrom().failure(new PermanentFailure(
                                "WeChat appeal " + trackingNo + " came through unknown account " + accountName));
                    }
                    if (account.appSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
                        LOG.debugf("WeChat account %s has no app-secret: no notice for appeal %s", accountName, trackingNo);
                        return Uni.createFrom().voidItem();
                    }
                    String text = "AppealReplied".equals(message.eventType())
                            ? answered(trackingNo, field(message, "answer"))
                            : text(trackingNo);
                    return messenger.sendText(accountName, openId, text, "outbox-" + message.id());
                });
    }

    static String text(String trackingNo) {
        String spoken = TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
        return "您的诉求已受理，诉求编号：" + spoken + "。办理进展将通过本公众号通知您。";
    }

    /** The unit's answer, delivered on the channel the appeal came from. */
    static String answered(String trackingNo, String answer) {
        String spoken = TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
        return "您的诉求（编号 " + spoken + "）已答复：" + answer;
    }

    private String field(OutboxMessage message, String name) {
        try {
            JsonNode node = json.readTree(message.payload()).get(name);
            return node == null || node.isNull() ? null : node.asText();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PermanentFailure("unreadable outbox payload " + message.id());
        }
    }
}
