package cn.huiyin.knowledge.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of an article: its content, who wrote it and when, and how far it got (who reviewed, published or
 * withdrew it). The content of a version never changes; only its status moves.
 *
 * @param note why the version exists when a person did not simply type it (proposed from an appeal's reply, seeded)
 */
public record ArticleVersion(int version, ArticleStatus status, ArticleContent content, String editedBy, Instant editedAt,
        String reviewedBy, Instant reviewedAt, String publishedBy, Instant publishedAt, String withdrawnBy,
        Instant withdrawnAt, String note) {

    public ArticleVersion {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(editedBy, "editedBy");
        Objects.requireNonNull(editedAt, "editedAt");
    }

    static ArticleVersion draft(int version, ArticleContent content, String by, Instant at, String note) {
        return new ArticleVersion(version, ArticleStatus.DRAFT, content, by, at, null, null, null, null, null, null, note);
    }

    ArticleVersion reviewed(String by, Instant at) {
        return new ArticleVersion(version, ArticleStatus.REVIEWED, content, editedBy, editedAt, by, at, null, null, null,
                null, note);
    }

    ArticleVersion published(String by, Instant at) {
        return new ArticleVersion(version, ArticleStatus.PUBLISHED, content, editedBy, editedAt, reviewedBy, reviewedAt,
                by, at, null, null, note);
    }

    ArticleVersion withdrawn(String by, Instant at) {
        return new ArticleVersion(version, ArticleStatus.WITHDRAWN, content, editedBy, editedAt, reviewedBy, reviewedAt,
                publishedBy, publishedAt, by, at, note);
    }

    ArticleVersion superseded() {
        return new ArticleVersion(version, ArticleStatus.SUPERSEDED, content, editedBy, editedAt, reviewedBy, reviewedAt,
                publishedBy, publishedAt, withdrawnBy, withdrawnAt, note);
    }
}
