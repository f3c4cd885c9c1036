package cn.huiyin.channel.wechat.application;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.channel.wechat.application.WechatAnsweredQuestions.AnsweredQuestion;
import cn.huiyin.channel.wechat.domain.ArticleReply;
import cn.huiyin.channel.wechat.domain.FollowerReplies;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.knowledge.application.ArticleMatch;
import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.knowledge.application.KnowledgeBase;
import cn.huiyin.knowledge.application.ShownAnswer;
import cn.huiyin.notify.wechat.WechatConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Questions answered from the knowledge base before they become appeals (智能咨询): a question the base is sure of
 * gets the article at once, and the follower can still hand it over ("转人工") or say whether it helped
 * ("有用"/"没用"). The search runs in memory, well inside WeChat's five seconds.
 */
@ApplicationScoped
public class WechatKnowledge {

    private static final Logger LOG = Logger.getLogger(WechatKnowledge.class);

    @Inject
    KnowledgeBase knowledge;

    @Inject
    KnowledgeAnswers answers;

    @Inject
    WechatAnsweredQuestions answered;

    @Inject
    WechatAppealIntake appeals;

    @Inject
    WechatFirstReplies firstReplies;

    @Inject
    WechatConfig config;

    /**
     * Builds the knowledge index as the service starts (after the seed articles, priority 5), so that the first
     * follower's question is not the one that waits for it: WeChat gives a reply five seconds.
     */
    void warmUp(@Observes @Priority(8) StartupEvent event) {
        if (config.accounts().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        knowledge.publishedToday().subscribe().with(
                articles -> LOG.infof("knowledge index ready for WeChat: %d articles in %d ms", articles.size(),
                        (System.nanoTime() - started) / 1_000_000),
                failure -> LOG.warnf("knowledge index not built at start-up, the first question builds it: %s",
                        failure.getMessage()));
    }

    /**
     * The article reply to {@code content} when the knowledge base is sure which article answers it; empty when it
     * is not (or cannot say just now), and the message is to become an appeal as before.
     */
    Uni<Optional<String>> answer(InboundMessage message, String replyTo, String content) {
        // Looked up before it is shown: a follower sees no suggestions, so only a sure answer is recorded as shown.
        return knowledge.search(content, 1)
                .chain(matches -> matches.isEmpty() || !matches.get(0).sure()
                        ? Uni.createFrom().item(Optional.<ShownAnswer> empty())
                        : answers.show(content, KnowledgeAnswers.WECHAT, replyTo, 1)
                                .map(shown -> shown.stream().findFirst().filter(s -> s.article().sure())))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("knowledge base not asked for %s's question, filed as an appeal: %s", replyTo,
                            failure.getMessage());
                    return Optional.empty();
                })
                .chain(sure -> sure.isEmpty() ? Uni.createFrom().item(Optional.<String> empty())
                        : answered.remember(replyTo, new AnsweredQuestion(message.dedupeKey(), content,
                                sure.get().shownId(), sure.get().article().articleId()))
                                .replaceWith(Optional.of(reply(sure.get().article()))));
    }

    /** "转人工": the question last answered becomes the appeal it would have been; the reply carries its number. */
    Uni<String> escalate(String account, InboundMessage message, String replyTo) {
        return answered.last(replyTo).chain(question -> question.isEmpty()
                ? firstReplies.keep(account, message, FollowerReplies.NOTHING_TO_ESCALATE)
                : appeals.open(account, message, question.get().messageKey(), replyTo, question.get().content()));
    }

    /** "有用" / "没用" on the article last shown to the follower. */
    Uni<String> feedback(String replyTo, boolean helpful) {
        return answered.last(replyTo).chain(question -> question.isEmpty()
                ? Uni.createFrom().item(FollowerReplies.NOTHING_TO_RATE)
                : answers.feedback(question.get().shownId(), helpful).map(recorded -> !recorded
                        ? FollowerReplies.NOTHING_TO_RATE
                        : helpful ? FollowerReplies.THANKS_HELPFUL : FollowerReplies.THANKS_NOT_HELPFUL));
    }

    private static String reply(ArticleMatch article) {
        return ArticleReply.of(article.title(), article.answer(), article.sourceName(), article.sourceLink());
    }
}
