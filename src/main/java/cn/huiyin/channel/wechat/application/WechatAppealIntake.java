package cn.huiyin.channel.wechat.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.channel.wechat.domain.FollowerReplies;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import cn.huiyin.channel.wechat.persistence.WechatRepository.Follower;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.DedupeGuard;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.Titles;
import cn.huiyin.shared.domain.TrackingNumber;
import io.smallrye.mutiny.Uni;

/**
 * A message that describes a problem becomes a new appeal on the intake stream. The follower is told a
 * tracking number only once the appeal is durable (the publish completes when the stream has stored it), and
 * the number told is the one stored under the message's dedupe key: a delivery racing another gets the same
 * number, and the message stays one appeal.
 */
@ApplicationScoped
public class WechatAppealIntake {

    private static final Logger LOG = Logger.getLogger(WechatAppealIntake.class);

    @Inject
    WechatRepository repository;

    @Inject
    WechatFirstReplies firstReplies;

    @Inject
    WechatConversations conversations;

    @Inject
    TrackingNumberIssuer issuer;

    @Inject
    IntakePublisher intake;

    @Inject
    DedupeGuard dedupe;

    @Inject
    KnowledgeAnswers knowledge;

    @Inject
    Clock clock;

    /** Publishes the appeal, remembers it as the follower's open appeal and answers with its number, once. */
    Uni<String> open(String account, InboundMessage message, String replyTo, String content) {
        return open(account, message, message.dedupeKey(), replyTo, content);
    }

    /**
     * As above for the question that the message {@code askedBy} (a key of the same follower's) asked: the appeal
     * carries that message's dedupe key, so handing one question over ("转人工") any number of times makes one
     * appeal, the one the question would have become at once. The reply is kept as {@code message}'s.
     */
    Uni<String> open(String account, InboundMessage message, String askedBy, String replyTo, String content) {
        String dedupeKey = Channel.WECHAT.name() + ":" + account + ":" + WechatFirstReplies.key(message.fromUser(), askedBy);
        return Uni.combine().all().unis(issuer.next(), repository.follower(account, message.fromUser())).asTuple()
                .chain(ready -> {
                    TrackingNumber number = ready.getItem1();
                    Optional<Follower> bound = ready.getItem2();
                    return intake.publish(envelope(number.value(), dedupeKey, replyTo, message.fromUser(), askedBy,
                            content, bound))
                            .chain(() -> dedupe.storedClaim(dedupeKey))
                            .map(stored -> stored.map(DedupeGuard.Claim::trackingNo).orElse(number.value()))
                            .call(trackingNo -> conversations.remember(replyTo, trackingNo))
                            .call(trackingNo -> answersFollowed(replyTo, trackingNo))
                            .map(trackingNo -> FollowerReplies.accepted(trackingNo, bound.isPresent()));
                })
                .chain(reply -> firstReplies.keep(account, message, reply));
    }

    /** The articles shown to the follower lately did not settle the matter: counted against the deflection rate. */
    private Uni<Void> answersFollowed(String replyTo, String trackingNo) {
        return knowledge.appealFollowed(KnowledgeAnswers.WECHAT, replyTo, trackingNo)
                .onFailure().invoke(failure -> LOG.warnf("appeal %s not recorded against the answers shown to %s: %s",
                        trackingNo, replyTo, failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Identity is declared by the follower's binding, if any; the request hash covers who, which message, what. */
    private IntakeEnvelope envelope(String trackingNo, String dedupeKey, String replyTo, String fromUser,
            String messageKey, String content, Optional<Follower> bound) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("replyTo", replyTo);
        canonical.put("message", messageKey);
        canonical.put("content", content);
        return new IntakeEnvelope(trackingNo, Channel.WECHAT.name(), dedupeKey, Sha256.hex(JsonText.object(canonical)),
                clock.instant(), "wechat:" + fromUser, bound.isPresent() ? "DECLARED" : "MISSING",
                bound.map(Follower::uscc).orElse(null), null, null, bound.map(Follower::mobile).orElse(null),
                bound.map(Follower::mobile).orElse(null), Titles.fromText(content), content, AppealType.CONSULT.name(),
                null, false, null, replyTo);
    }
}
