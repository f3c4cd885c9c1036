package cn.huiyin.knowledge.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleAction;
import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.knowledge.domain.ArticleVersion;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.StoredArticle;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.Summary;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.PageTime;

/** What the staff pages show of articles, already in words: the list's rows and one article with its history. */
final class ArticlePageView {

    /** A row of the list. */
    public record Row(long id, String key, String title, String statusLabel, String categoryName, String unitName,
            int version, Integer publishedVersion, String updatedAt, boolean flagged, String flaggedAt, String flagReason) {
    }

    /** One version in the history. */
    public record VersionLine(int version, String statusLabel, String title, String edited, String reviewed,
            String published, String withdrawn, String note) {
    }

    /** One article: its latest version, which version answers, the flag, the steps open to the caller. */
    public record Page(long id, String key, String unitName, String statusLabel, int version, Integer publishedVersion,
            String categoryName, ArticleContent content, String edited, String reviewed, String proposedFrom,
            boolean flagged, String flaggedAt, String flagReason, boolean canEdit, boolean canReview, boolean canPublish,
            boolean canWithdraw, List<VersionLine> versions) {
    }

    private ArticlePageView() {
    }

    static Row row(Summary s, Map<String, String> categories, Map<String, String> units) {
        return new Row(s.id(), s.key(), s.title(), s.status().chinese(), categories.getOrDefault(s.categoryCode(), s.categoryCode()),
                units.getOrDefault(s.unitCode(), s.unitCode()), s.latestVersion(), s.publishedVersion(),
                PageTime.beijing(s.updatedAt()), s.reviewFlaggedAt() != null, PageTime.beijing(s.reviewFlaggedAt()),
                s.reviewFlagReason());
    }

    static Page page(StoredArticle stored, Caller caller, Instant now, Map<String, String> categories,
            Map<String, String> units) {
        Article article = stored.article();
        ArticleVersion latest = article.latest();
        Set<ArticleAction> actions = article.actionsFor(caller, now);
        return new Page(article.id(), article.key(), units.getOrDefault(article.unitCode(), article.unitCode()),
                latest.status().chinese(), latest.version(), article.live().map(ArticleVersion::version).orElse(null),
                categories.getOrDefault(latest.content().categoryCode(), latest.content().categoryCode()), latest.content(),
                by(latest.editedBy(), latest.editedAt()), by(latest.reviewedBy(), latest.reviewedAt()), stored.proposedFrom(),
                stored.reviewFlaggedAt() != null, PageTime.beijing(stored.reviewFlaggedAt()), stored.reviewFlagReason(),
                actions.contains(ArticleAction.EDIT), actions.contains(ArticleAction.REVIEW),
                actions.contains(ArticleAction.PUBLISH), actions.contains(ArticleAction.WITHDRAW),
                newestFirst(article.versions()));
    }

    private static List<VersionLine> newestFirst(List<ArticleVersion> versions) {
        List<VersionLine> lines = new java.util.ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            lines.add(line(versions.get(i)));
        }
        return lines;
    }

    private static VersionLine line(ArticleVersion v) {
        return new VersionLine(v.version(), v.status().chinese(), v.content().title(), by(v.editedBy(), v.editedAt()),
                by(v.reviewedBy(), v.reviewedAt()), by(v.publishedBy(), v.publishedAt()), by(v.withdrawnBy(), v.withdrawnAt()),
                v.note() == null ? "" : v.note());
    }

    private static String by(String who, Instant at) {
        return who == null ? "" : who + "（" + PageTime.beijing(at) + "）";
    }
}
