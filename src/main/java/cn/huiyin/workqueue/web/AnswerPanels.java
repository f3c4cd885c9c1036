package cn.huiyin.workqueue.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.application.AppealView;
import cn.huiyin.appeal.application.AppealView.TimelineEntry;
import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.knowledge.application.ArticleOutcome;
import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.knowledge.application.KnowledgeArticles;
import cn.huiyin.knowledge.application.ShownAnswer;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.web.WorkQueuePages.Typed;
import io.smallrye.mutiny.Uni;

/**
 * What the appeal page shows of the knowledge base, and 提为知识条目. Only a 咨询 gets articles (a complaint is not
 * answered from a policy text), and only while its reply form is open; they are recorded as shown to the appeal.
 */
@ApplicationScoped
class AnswerPanels {

    private static final Logger LOG = Logger.getLogger(AnswerPanels.class);
    private static final int SUGGESTIONS = 3;

    @Inject
    KnowledgeAnswers answers;

    @Inject
    KnowledgeArticles articles;

    Uni<AnswerPanel> of(AppealView appeal, AllowedForms forms) {
        if (!isConsult(appeal)) {
            return Uni.createFrom().item(AnswerPanel.NONE);
        }
        boolean canPropose = latestReply(appeal).isPresent();
        if (!forms.reply()) {
            return Uni.createFrom().item(new AnswerPanel(List.of(), canPropose));
        }
        // the articles are a help to the commissioner: without them the page works as before
        return answers.show(question(appeal), KnowledgeAnswers.WORKQUEUE, appeal.trackingNo(), SUGGESTIONS)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Knowledge-base answers were not available for appeal %s", appeal.trackingNo());
                    return List.of();
                })
                .map(shown -> new AnswerPanel(shown, canPropose));
    }

    /** 引用此回答: the reply form filled with the article's answer, when it is one of those offered; else as typed. */
    static Typed using(Typed typed, AnswerPanel panel, String useArticle) {
        if (useArticle == null) {
            return typed;
        }
        return panel.suggestions().stream().map(ShownAnswer::article)
                .filter(article -> String.valueOf(article.articleId()).equals(useArticle.strip())).findFirst()
                .map(article -> new Typed(typed.note(), typed.visibleToEnterprise(), article.answer(), typed.toUnit(),
                        typed.reason(), typed.workingDays()))
                .orElse(typed);
    }

    /** 提为知识条目: the appeal's latest reply as a draft article of its unit and category; the draft's id. */
    Uni<Long> propose(AppealView appeal, Caller commissioner) {
        Optional<String> reply = latestReply(appeal);
        if (!isConsult(appeal) || reply.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.conflict("Only a 咨询 that has been replied to can be proposed"));
        }
        String unit = appeal.handlingUnit() == null ? commissioner.unitCode() : appeal.handlingUnit().code();
        return articles.proposeFromReply(commissioner, question(appeal), reply.get(), unit, appeal.category(),
                appeal.trackingNo());
    }

    /** Why the reply was not proposed, in the page's words. */
    static String whyNotProposed(KnowledgeArticles.NotProposed failure) {
        if (failure.outcome() instanceof ArticleOutcome.Invalid invalid && !invalid.violations().isEmpty()) {
            return "答复未能提为知识条目：" + invalid.violations().get(0).messageZh();
        }
        if (failure.outcome() instanceof ArticleOutcome.Refused) {
            return "您没有为该诉求的承办单位提出知识条目的权限";
        }
        return "答复未能提为知识条目，请稍后再试";
    }

    private static boolean isConsult(AppealView appeal) {
        return AppealType.CONSULT.name().equals(appeal.appealType());
    }

    private static String question(AppealView appeal) {
        return appeal.title() + "\n" + appeal.content();
    }

    /** The answer of the appeal's latest reply (after rework there may be several). */
    private static Optional<String> latestReply(AppealView appeal) {
        return appeal.timeline() == null ? Optional.empty()
                : appeal.timeline().stream().filter(e -> "REPLIED".equals(e.type()) && e.detail() != null && !e.detail().isBlank())
                        .max(Comparator.comparingInt(TimelineEntry::seq)).map(TimelineEntry::detail);
    }
}
