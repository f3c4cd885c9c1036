package cn.huiyin.channel.wechat.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.channel.wechat.domain.FollowerReplies;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A follow-up to the appeal the follower is talking about is added to it as a public {@code SUPPLEMENTED}
 * event. The message's claim and the event commit in one transaction, so a retry or a racing delivery adds
 * nothing twice and answers with the first reply.
 */
@ApplicationScoped
public class WechatSupplements {

    @Inject
    WechatRepository repository;

    @Inject
    WechatFirstReplies firstReplies;

    @Inject
    WechatAppealIntake appeals;

    @Inject
    AppealRecords events;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /**
     * Adds {@code content} to the appeal {@code trackingNo}; when that appeal is not (or no longer) in the
     * database, the message is a new appeal instead, so that nothing the follower wrote is dropped.
     */
    Uni<String> add(String account, InboundMessage message, String replyTo, String trackingNo, String content,
            String kind) {
        return repository.appeal(trackingNo).chain(found -> found.isEmpty()
                ? appeals.open(account, message, replyTo, content)
                : append(account, message, found.get().id(), FollowerReplies.supplemented(trackingNo),
                        new AppealEvent.Supplemented(kind, content)));
    }

    private Uni<String> append(String account, InboundMessage message, long appealId, String reply,
            AppealEvent.Supplemented supplement) {
        NewEvent event = NewEvent.of(supplement, "wechat:" + message.fromUser(), clock.instant(), null,
                PlannedEvent.Visibility.PUBLIC);
        return pool.withTransaction(tx -> firstReplies.claim(tx, account, message, reply)
                .call(claimed -> claimed ? events.append(tx, Map.of(appealId, List.of(event)))
                        : Uni.createFrom().voidItem()))
                .chain(claimed -> firstReplies.settled(account, message, reply, claimed));
    }
}
