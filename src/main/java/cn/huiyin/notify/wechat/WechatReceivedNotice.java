package cn.huiyin.notify.wechat;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.application.AppealNotices;
import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.domain.AppealNotice;
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

    private static final String WECHAT = Channel.WECHAT.name();

    private static final Logger LOG = Logger.getLogger(WechatReceivedNotice.class);

    @Inject
    WechatConfig config;

    @Inject
    WechatMessenger messenger;

    @Inject
    AppealQueryService appeals;

    @Inject
    AppealNotices notices;

    @Override
    public boolean handles(OutboxMessage message) {
        return wechatNotice(message).isPresent();
    }

    /** A WeChat appeal's receipt or answer: its tracking number (from the notice) and, for an answer, the text. */
    private record Notice(String trackingNo, String answer) {
    }

    private Optional<Notice> wechatNotice(OutboxMessage message) {
        return notices.readAs(message, AppealNotice.class).flatMap(notice -> {
            if (notice instanceof AppealNotice.Received received && WECHAT.equals(received.channel())) {
                return Optional.of(new Notice(received.trackingNo(), null));
            }
            if (notice instanceof AppealNotice.Replied replied && WECHAT.equals(replied.channel())) {
                return Optional.of(new Notice(replied.trackingNo(), replied.answer()));
            }
            return Optional.empty();
        });
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        Notice notice = wechatNotice(message)
                .orElseThrow(() -> new PermanentFailure("not a WeChat appeal's notice: " + message.id()));
        String fromPayload = notice.trackingNo();
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
                    String text = notice.answer() != null ? answered(trackingNo, notice.answer()) : text(trackingNo);
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
}
