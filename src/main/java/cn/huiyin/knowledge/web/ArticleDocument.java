package cn.huiyin.knowledge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleAction;
import cn.huiyin.knowledge.domain.ArticleStatus;
import cn.huiyin.knowledge.domain.ArticleVersion;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.StoredArticle;
import cn.huiyin.shared.domain.Caller;

/**
 * An article as the API shows it: its latest version (what is being worked on), which version answers now
 * ({@code publishedVersion}, null when none), the review flag, and the steps the caller may take now.
 */
public record ArticleDocument(long id, String key, String unitCode, String unitName, ArticleStatus status, int version,
        Integer publishedVersion, String title, List<String> questions, String answer, String sourceName,
        String sourceLink, String categoryCode, LocalDate validFrom, LocalDate validTo, String editedBy,
        Instant editedAt, String reviewedBy, Instant reviewedAt, String proposedFrom, Instant reviewFlaggedAt,
        String reviewFlagReason, Set<ArticleAction> actions) {

    static ArticleDocument of(StoredArticle stored, String unitName, Caller caller, Instant now) {
        Article article = stored.article();
        ArticleVersion latest = article.latest();
        var c = latest.content();
        return new ArticleDocument(article.id(), article.key(), article.unitCode(), unitName, latest.status(),
                latest.version(), article.live().map(ArticleVersion::version).orElse(null), c.title(), c.questions(),
                c.answer(), c.sourceName(), c.sourceLink(), c.categoryCode(), c.validFrom(), c.validTo(), latest.editedBy(),
                latest.editedAt(), latest.reviewedBy(), latest.reviewedAt(), stored.proposedFrom(), stored.reviewFlaggedAt(),
                stored.reviewFlagReason(), article.actionsFor(caller, now));
    }

    /** One version, for the history. */
    public record VersionDocument(int version, ArticleStatus status, String title, List<String> questions, String answer,
            String sourceName, String sourceLink, String categoryCode, LocalDate validFrom, LocalDate validTo,
            String editedBy, Instant editedAt, String reviewedBy, Instant reviewedAt, String publishedBy,
            Instant publishedAt, String withdrawnBy, Instant withdrawnAt, String note) {

        static VersionDocument of(ArticleVersion v) {
            var c = v.content();
            return new VersionDocument(v.version(), v.status(), c.title(), c.questions(), c.answer(), c.sourceName(),
                    c.sourceLink(), c.categoryCode(), c.validFrom(), c.validTo(), v.editedBy(), v.editedAt(),
                    v.reviewedBy(), v.reviewedAt(), v.publishedBy(), v.publishedAt(), v.withdrawnBy(), v.withdrawnAt(),
                    v.note());
        }
    }
}
