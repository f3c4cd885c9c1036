package cn.huiyin.knowledge.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.knowledge.domain.ArticleStatus;
import cn.huiyin.knowledge.domain.ArticleStep;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.Changed;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.StoredArticle;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.Summary;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.shared.domain.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The articles' administration: written, edited, reviewed, published and withdrawn by the owning unit (the rules are
 * {@link Article}'s), read by the unit and the district. A publish or a withdrawal here rebuilds this replica's
 * {@link KnowledgeBase} at once; the other replicas follow within their change check.
 */
@ApplicationScoped
public class KnowledgeArticles {

    /** The staff list shows at most this many articles. */
    public static final int LIST_LIMIT = 500;

    /** Failed {@link #proposeFromReply}: the outcome says why. */
    public static final class NotProposed extends RuntimeException {

        private final transient ArticleOutcome outcome;

        NotProposed(ArticleOutcome outcome) {
            super("the reply was not proposed as an article: " + outcome, null, false, false);
            this.outcome = outcome;
        }

        public ArticleOutcome outcome() {
            return outcome;
        }
    }

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    Catalogues catalogues;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    Clock clock;

    /** A new draft in {@code unitCode} (null: the caller's unit). */
    public Uni<ArticleOutcome> create(Caller by, String unitCode, ArticleContent proposed) {
        return create(by, unitCode, proposed, null, null);
    }

    /** A draft proposed from a commissioner's reply to a 咨询 (one click in the work queue); fails with {@link NotProposed}. */
    public Uni<Long> proposeFromReply(Caller commissioner, String question, String answer, String unitCode,
            String categoryCode, String trackingNo) {
        String oneLine = question == null ? "" : question.strip().replaceAll("\\s+", " ");
        ArticleContent content = new ArticleContent(cut(oneLine, 100), List.of(cut(oneLine, 200)), answer,
                "诉求" + trackingNo + "的答复", null, categoryCode, today(), null);
        return create(commissioner, unitCode, content, trackingNo, "由诉求" + trackingNo + "的答复提出").map(outcome -> {
            if (outcome instanceof ArticleOutcome.Done done) {
                return done.stored().article().id();
            }
            throw new NotProposed(outcome);
        });
    }

    public Uni<ArticleOutcome> read(Caller by, long id) {
        return articles.find(id).map(found -> {
            if (found.isEmpty()) {
                return new ArticleOutcome.Missing();
            }
            return found.get().article().readableBy(by) ? new ArticleOutcome.Done(found.get())
                    : new ArticleOutcome.Refused(ArticleStep.Refusal.NOT_YOUR_UNIT);
        });
    }

    /**
     * The articles the caller may read: a unit's staff their unit's (whatever {@code unit} says), the district's
     * leaders and administrators every unit's or {@code unit}'s; narrowed by status and category when given.
     */
    public Uni<List<Summary>> list(Caller by, String unit, ArticleStatus status, String category) {
        String scope = Article.mayReadAll(by) ? blankToNull(unit) : by.unitCode();
        if (scope == null && !Article.mayReadAll(by)) {
            return Uni.createFrom().item(List.of());
        }
        return articles.list(scope, status, blankToNull(category), LIST_LIMIT);
    }

    /** A new version (a draft) of the article; a published version keeps answering until this one is published. */
    public Uni<ArticleOutcome> edit(Caller by, long id, ArticleContent proposed) {
        ArticleContent content = proposed.normalized();
        return catalogues.current().chain(catalogue -> step(by, id,
                (article, now) -> article.edit(by, content, unitRules(catalogue), now)));
    }

    public Uni<ArticleOutcome> review(Caller by, long id) {
        return step(by, id, (article, now) -> article.review(by, now));
    }

    public Uni<ArticleOutcome> publish(Caller by, long id) {
        return step(by, id, (article, now) -> article.publish(by, now)).invoke(this::answersChanged);
    }

    public Uni<ArticleOutcome> withdraw(Caller by, long id) {
        return step(by, id, (article, now) -> article.withdraw(by, now)).invoke(this::answersChanged);
    }

    /** The day in Beijing: what "valid today" means for every article. */
    public LocalDate today() {
        return KnowledgeBase.today(clock);
    }

    private Uni<ArticleOutcome> create(Caller by, String unitCode, ArticleContent proposed, String trackingNo, String note) {
        ArticleContent content = proposed.normalized();
        String unit = unitCode == null || unitCode.isBlank() ? by.unitCode() : unitCode.strip();
        Instant now = clock.instant();
        return catalogues.current().chain(catalogue -> {
            ArticleStep step = unit == null ? new ArticleStep.Refused(ArticleStep.Refusal.NOT_YOUR_ROLE)
                    : Article.create(by, unit, content, unitRules(catalogue), note, now);
            if (step instanceof ArticleStep.Taken taken) {
                return articles.create(taken.article(), trackingNo, now).map(ArticleOutcome.Done::new);
            }
            return Uni.createFrom().item(outcome(step, null));
        });
    }

    /** Each category's unit rule: which unit the catalogue gives it to. */
    static Map<String, String> unitRules(Catalogue catalogue) {
        Map<String, String> rules = new HashMap<>();
        catalogue.rules().forEach((code, rule) -> rules.put(code, rule.unitRule()));
        return rules;
    }

    private Uni<ArticleOutcome> step(Caller by, long id, BiFunction<Article, Instant, ArticleStep> decide) {
        Instant now = clock.instant();
        return articles.change(id, article -> article.readableBy(by) ? decide.apply(article, now)
                : new ArticleStep.Refused(ArticleStep.Refusal.NOT_YOUR_UNIT), now).map(KnowledgeArticles::outcome);
    }

    private static ArticleOutcome outcome(Optional<Changed> changed) {
        return changed.isEmpty() ? new ArticleOutcome.Missing() : outcome(changed.get().step(), changed.get().stored());
    }

    private static ArticleOutcome outcome(ArticleStep step, StoredArticle stored) {
        if (step instanceof ArticleStep.Refused refused) {
            return new ArticleOutcome.Refused(refused.refusal());
        }
        if (step instanceof ArticleStep.Invalid invalid) {
            return new ArticleOutcome.Invalid(invalid.violations());
        }
        return new ArticleOutcome.Done(stored);
    }

    private void answersChanged(ArticleOutcome outcome) {
        if (outcome instanceof ArticleOutcome.Done) {
            knowledgeBase.changed();
        }
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max)).strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
