package cn.huiyin.channel.wechat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.channel.wechat.domain.FollowerText;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import cn.huiyin.channel.wechat.persistence.WechatRepository.Follower;
import cn.huiyin.evaluation.application.RatingService;
import cn.huiyin.evaluation.domain.RatingCommand;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.DedupeGuard;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.domain.Titles;
import cn.huiyin.shared.domain.TrackingNumber;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What a follower's message means and what we answer. A new message becomes an appeal on the intake stream
 * (or a supplement to the appeal the sender is talking about); queries, binding and menu clicks are
 * answered at once. Every message is handled once: a retry from WeChat gets the first answer.
 */
@ApplicationScoped
public class WechatService {

    @Inject
    WechatRepository repository;

    @Inject
    WechatAnswers answers;

    @Inject
    WechatConversations conversations;

    @Inject
    TrackingNumberIssuer issuer;

    @Inject
    IntakePublisher intake;

    @Inject
    DedupeGuard dedupe;

    @Inject
    AppealRecords events;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    RatingService ratings;

    /** The answer to a message whose text cannot be kept (control characters, broken Unicode). */
    static final String UNACCEPTABLE = "您发送的内容含有无法识别的字符（如控制字符），未能受理。请删除这些字符后重新发送。";

    /** The text to answer with; empty for "no reply". */
    public Uni<String> handle(String account, InboundMessage message) {
        if (FollowerText.flaw(message).isPresent()) {
            // nothing is stored, not even this answer or the sender: a retry is simply refused again
            return Uni.createFrom().item(UNACCEPTABLE);
        }
        String key = key(message);
        return repository.firstReply(account, key).chain(first -> first.isPresent()
                ? Uni.createFrom().item(first.get())
                : repository.touch(account, message.fromUser(), clock.instant()).chain(() -> answer(account, message)));
    }

    private Uni<String> answer(String account, InboundMessage message) {
        String replyTo = account + "/" + message.fromUser();
        if (message instanceof InboundMessage.Text text) {
            String content = Text.normalized(text.content()).strip();
            if (content.isEmpty()) {
                return once(account, message, Uni.createFrom().item("请用文字描述您遇到的问题。"));
            }
            if (content.equals("查询")) {
                return once(account, message, answers.myAppeals(replyTo));
            }
            Matcher confirmation = WechatAnswers.CONFIRMATION.matcher(content);
            if (confirmation.matches()) {
                return once(account, message, answers.confirm(account, message.fromUser(), confirmation.group(1)));
            }
            if (RatingCommand.looksLikeRating(content)) {
                return once(account, message, ratings.byWechatText(replyTo, content));
            }
            Matcher binding = WechatAnswers.BINDING.matcher(content);
            if (binding.matches()) {
                return once(account, message, answers.bind(account, message.fromUser(), binding.group(1), binding.group(2)));
            }
            return appealOrSupplement(account, message, replyTo, content, "text");
        }
        if (message instanceof InboundMessage.Voice voice) {
            String content = voice.recognition() != null && !voice.recognition().isBlank()
                    ? Text.normalized(voice.recognition()).strip()
                    : "[语音消息] MediaId=" + voice.mediaId() + (voice.format() == null ? "" : "，格式 " + voice.format());
            return appealOrSupplement(account, message, replyTo, content, "voice");
        }
        if (message instanceof InboundMessage.Image image) {
            return conversations.openAppeal(replyTo).chain(open -> open.isEmpty()
                    ? once(account, message, Uni.createFrom().item("收到图片。请先用文字描述您遇到的问题，再发送图片作为补充材料。"))
                    : supplement(account, message, open.get(), "[图片] " + image.picUrl() + " MediaId=" + image.mediaId(), "image"));
        }
        if (message instanceof InboundMessage.Event event) {
            return once(account, message, answers.onEvent(replyTo, event));
        }
        return once(account, message, Uni.createFrom().item("")); // unknown types are ignored politely
    }

    private Uni<String> appealOrSupplement(String account, InboundMessage message, String replyTo, String content,
            String kind) {
        return conversations.openAppeal(replyTo).chain(open -> open.isPresent()
                ? supplement(account, message, open.get(), content, kind)
                : newAppeal(account, message, replyTo, content));
    }

    private Uni<String> newAppeal(String account, InboundMessage message, String replyTo, String content) {
        String dedupeKey = Channel.WECHAT.name() + ":" + account + ":" + key(message);
        return Uni.combine().all().unis(issuer.next(), repository.follower(account, message.fromUser())).asTuple()
                .chain(ready -> {
                    TrackingNumber number = ready.getItem1();
                    Optional<Follower> bound = ready.getItem2();
                    IntakeEnvelope envelope = envelope(number.value(), dedupeKey, replyTo, message, content, bound);
                    return intake.publish(envelope)
                            .chain(() -> dedupe.storedClaim(dedupeKey))
                            .map(stored -> stored.map(DedupeGuard.Claim::trackingNo).orElse(number.value()))
                            .call(trackingNo -> conversations.remember(replyTo, trackingNo))
                            .map(trackingNo -> "您的诉求已受理，诉求编号：" + spoken(trackingNo)
                                    + "。我们将派给负责部门办理，办理进展会通过本公众号通知您。"
                                    + (bound.isPresent() ? "" : WechatAnswers.ASK_IDENTITY));
                })
                .chain(reply -> remember(account, message, reply));
    }

    /** Adds the message to the appeal, once: the message claim and the event commit together. */
    private Uni<String> supplement(String account, InboundMessage message, String trackingNo, String content, String kind) {
        String reply = "已将您的补充内容加入诉求 " + spoken(trackingNo) + "。";
        return repository.appeal(trackingNo).chain(found -> {
            if (found.isEmpty()) {
                return newAppeal(account, message, account + "/" + message.fromUser(), content);
            }
            Instant now = clock.instant();
            return pool.withTransaction(tx -> repository.claim(tx, account, key(message), message.fromUser(), reply)
                    .call(claimed -> !claimed ? Uni.createFrom().voidItem()
                            : events.append(tx, Map.of(found.get().id(), List.of(NewEvent.of(new AppealEvent.Supplemented(kind, content),
                                    "wechat:" + message.fromUser(), now, null, PlannedEvent.Visibility.PUBLIC))))))
                    .chain(claimed -> claimed ? Uni.createFrom().item(reply)
                            : repository.firstReply(account, key(message)).map(first -> first.orElse(reply)));
        });
    }

    /** Answers computed without side effects, remembered so that a retry gets the same words. */
    private Uni<String> once(String account, InboundMessage message, Uni<String> answer) {
        return answer.chain(reply -> remember(account, message, reply));
    }

    private Uni<String> remember(String account, InboundMessage message, String reply) {
        return pool.withTransaction(tx -> repository.claim(tx, account, key(message), message.fromUser(), reply))
                .chain(claimed -> claimed ? Uni.createFrom().item(reply)
                        : repository.firstReply(account, key(message)).map(first -> first.orElse(reply)));
    }

    private IntakeEnvelope envelope(String trackingNo, String dedupeKey, String replyTo, InboundMessage message,
            String content, Optional<Follower> bound) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("replyTo", replyTo);
        canonical.put("message", message.dedupeKey());
        canonical.put("content", content);
        return new IntakeEnvelope(trackingNo, Channel.WECHAT.name(), dedupeKey, Sha256.hex(JsonText.object(canonical)),
                clock.instant(), "wechat:" + message.fromUser(), bound.isPresent() ? "DECLARED" : "MISSING",
                bound.map(Follower::uscc).orElse(null), null, null, bound.map(Follower::mobile).orElse(null),
                bound.map(Follower::mobile).orElse(null), Titles.fromText(content), content, AppealType.CONSULT.name(),
                null, false, null, replyTo);
    }

    /**
     * The message's retry key scoped to its sender: another sender presenting the same MsgId is another
     * message, and never sees this one's reply.
     */
    private static String key(InboundMessage message) {
        return message.fromUser() + "|" + message.dedupeKey();
    }

    private static String spoken(String trackingNo) {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }
}
