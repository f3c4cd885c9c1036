package cn.huiyin.channel.wechat.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.channel.wechat.domain.FollowerCommand;
import cn.huiyin.channel.wechat.domain.FollowerReplies;
import cn.huiyin.channel.wechat.domain.FollowerText;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.domain.MessageContent;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import io.smallrye.mutiny.Uni;

/**
 * What a follower's message means, and who answers it. A text that the knowledge base answers for sure gets the
 * article; any other message that describes a problem becomes an appeal (or a supplement to the appeal the sender
 * is talking about, which is never put to the knowledge base); commands (a query, binding, a rating) and menu
 * clicks are answered at once. Every message is handled once: a retry from WeChat gets the first answer.
 */
@ApplicationScoped
public class WechatService {

    @Inject
    WechatFirstReplies firstReplies;

    @Inject
    WechatRepository repository;

    @Inject
    WechatConversations conversations;

    @Inject
    WechatAppealIntake appeals;

    @Inject
    WechatSupplements supplements;

    @Inject
    WechatCommands commands;

    @Inject
    WechatAnswers answers;

    @Inject
    WechatKnowledge knowledge;

    @Inject
    Clock clock;

    /** The text to answer with; empty for "no reply". */
    public Uni<String> handle(String account, InboundMessage message) {
        if (FollowerText.flaw(message).isPresent()) {
            // nothing is stored, not even this answer or the sender: a retry is simply refused again
            return Uni.createFrom().item(FollowerReplies.UNACCEPTABLE);
        }
        return firstReplies.of(account, message).chain(first -> first.isPresent()
                ? Uni.createFrom().item(first.get())
                : repository.touch(account, message.fromUser(), clock.instant()).chain(() -> answer(account, message)));
    }

    private Uni<String> answer(String account, InboundMessage message) {
        String replyTo = account + "/" + message.fromUser();
        if (message instanceof InboundMessage.Text text) {
            FollowerCommand command = FollowerCommand.of(text.content());
            if (command instanceof FollowerCommand.Describe describe) {
                return conversations.openAppeal(replyTo).chain(open -> open.isPresent()
                        ? supplements.add(account, message, replyTo, open.get(), describe.content(), "text")
                        : answerOrAppeal(account, message, replyTo, describe.content()));
            }
            return command instanceof FollowerCommand.Escalate ? knowledge.escalate(account, message, replyTo)
                    : once(account, message, commands.answer(account, message.fromUser(), replyTo, command));
        }
        if (message instanceof InboundMessage.Voice voice) {
            return appealOrSupplement(account, message, replyTo, MessageContent.of(voice), "voice");
        }
        if (message instanceof InboundMessage.Image image) {
            return conversations.openAppeal(replyTo).chain(open -> open.isEmpty()
                    ? once(account, message, Uni.createFrom().item(FollowerReplies.IMAGE_NEEDS_WORDS))
                    : supplements.add(account, message, replyTo, open.get(), MessageContent.of(image), "image"));
        }
        if (message instanceof InboundMessage.Event event) {
            return once(account, message, answers.onEvent(replyTo, event));
        }
        return once(account, message, Uni.createFrom().item("")); // unknown types are ignored politely
    }

    private Uni<String> appealOrSupplement(String account, InboundMessage message, String replyTo, String content,
            String kind) {
        return conversations.openAppeal(replyTo).chain(open -> open.isPresent()
                ? supplements.add(account, message, replyTo, open.get(), content, kind)
                : appeals.open(account, message, replyTo, content));
    }

    /** A question the knowledge base is sure of gets its article; anything else is an appeal at once, as before. */
    private Uni<String> answerOrAppeal(String account, InboundMessage message, String replyTo, String content) {
        return knowledge.answer(message, replyTo, content).chain(article -> article.isPresent()
                ? once(account, message, Uni.createFrom().item(article.get()))
                : appeals.open(account, message, replyTo, content));
    }

    /** An answer computed first, then kept as the message's reply so that a retry gets the same words. */
    private Uni<String> once(String account, InboundMessage message, Uni<String> answer) {
        return answer.chain(reply -> firstReplies.keep(account, message, reply));
    }
}
