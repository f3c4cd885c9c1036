package cn.huiyin.knowledge.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.knowledge.domain.ArticleStatus;
import cn.huiyin.knowledge.domain.ArticleStep;
import cn.huiyin.knowledge.domain.ArticleVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The articles and their versions as people write and review them (Hibernate Reactive, ADR 0012: administration
 * data). A step reads the article locked, lets the domain decide and writes what changed, in one transaction, so two
 * leaders publishing at once take turns.
 */
@ApplicationScoped
public class KnowledgeArticleRepository {

    /** An article with what is kept beside its versions. */
    public record StoredArticle(Article article, String proposedFrom, String createdBy, Instant createdAt,
            Instant updatedAt, Instant reviewFlaggedAt, String reviewFlagReason) {
    }

    /** A line of the staff list: the article's latest version's title and category. */
    public record Summary(long id, String key, String unitCode, ArticleStatus status, int latestVersion,
            Integer publishedVersion, String title, String categoryCode, Instant updatedAt, Instant reviewFlaggedAt,
            String reviewFlagReason) {
    }

    /** What a step did: the domain's outcome, and the article as stored after it (as before it when refused). */
    public record Changed(ArticleStep step, StoredArticle stored) {
    }

    /** Stores a new article (its one version) and gives it back with its id. */
    @WithTransaction
    public Uni<StoredArticle> create(Article article, String proposedFrom, Instant now) {
        Instant at = asStored(now);
        KnowledgeArticleEntity entity = new KnowledgeArticleEntity();
        entity.articleKey = article.key();
        entity.unitCode = article.unitCode();
        entity.latestVersion = article.latest().version();
        entity.status = article.status().name();
        entity.publishedVersion = article.live().map(ArticleVersion::version).orElse(null);
        entity.proposedFrom = proposedFrom;
        entity.createdBy = article.latest().editedBy();
        entity.createdAt = at;
        entity.updatedAt = at;
        return entity.persist().chain(() -> {
            List<ArticleVersionEntity> versions = article.versions().stream().map(v -> newVersion(entity.id, v)).toList();
            return ArticleVersionEntity.persist(versions).replaceWith(versions);
        }).map(versions -> stored(entity, versions));
    }

    @WithSession
    public Uni<Optional<StoredArticle>> find(long id) {
        return KnowledgeArticleEntity.<KnowledgeArticleEntity> findById(id).chain(entity -> entity == null
                ? Uni.createFrom().item(Optional.<StoredArticle> empty())
                : versionsOf(id).map(versions -> Optional.of(stored(entity, versions))));
    }

    /**
     * Takes one step on an article: reads it locked, asks {@code decide}, and when the step is taken writes the new
     * version and the moved statuses. Empty when there is no such article.
     */
    @WithTransaction
    public Uni<Optional<Changed>> change(long id, Function<Article, ArticleStep> decide, Instant now) {
        return Panache.getSession()
                .chain(session -> session.find(KnowledgeArticleEntity.class, id, LockMode.PESSIMISTIC_WRITE))
                .chain(entity -> entity == null ? Uni.createFrom().item(Optional.<Changed> empty())
                        : versionsOf(id).chain(versions -> {
                            StoredArticle before = stored(entity, versions);
                            ArticleStep step = decide.apply(before.article());
                            if (!(step instanceof ArticleStep.Taken taken)) {
                                return Uni.createFrom().item(Optional.of(new Changed(step, before)));
                            }
                            return write(entity, versions, taken.article(), asStored(now))
                                    .map(written -> Optional.of(new Changed(step, stored(entity, written))));
                        }));
    }

    /**
     * The staff list, newest change first with the articles flagged for review on top; {@code unit}, {@code status}
     * and {@code category} narrow it when not null.
     */
    @WithSession
    public Uni<List<Summary>> list(String unit, ArticleStatus status, String category, int limit) {
        StringBuilder hql = new StringBuilder("select a, v from KnowledgeArticleEntity a, ArticleVersionEntity v "
                + "where v.articleId = a.id and v.version = a.latestVersion");
        Map<String, Object> parameters = new HashMap<>();
        if (unit != null) {
            hql.append(" and a.unitCode = :unit");
            parameters.put("unit", unit);
        }
        if (status != null) {
            hql.append(" and a.status = :status");
            parameters.put("status", status.name());
        }
        if (category != null) {
            hql.append(" and v.categoryCode = :category");
            parameters.put("category", category);
        }
        hql.append(" order by a.reviewFlaggedAt desc nulls last, a.updatedAt desc, a.id desc");
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql.toString(), Object[].class);
            parameters.forEach(query::setParameter);
            return query.setMaxResults(limit).getResultList();
        }).map(rows -> rows.stream().map(row -> summary((KnowledgeArticleEntity) row[0], (ArticleVersionEntity) row[1]))
                .toList());
    }

    private static Uni<List<ArticleVersionEntity>> versionsOf(long articleId) {
        return ArticleVersionEntity.list("articleId = ?1 order by version", articleId);
    }

    /** Persists the new versions, moves the statuses of the old ones, and updates the article's row. */
    private static Uni<List<ArticleVersionEntity>> write(KnowledgeArticleEntity entity, List<ArticleVersionEntity> stored,
            Article after, Instant now) {
        Map<Integer, ArticleVersionEntity> byNumber = new HashMap<>();
        stored.forEach(v -> byNumber.put(v.version, v));
        List<ArticleVersionEntity> all = new ArrayList<>();
        List<ArticleVersionEntity> added = new ArrayList<>();
        for (ArticleVersion version : after.versions()) {
            ArticleVersionEntity existing = byNumber.get(version.version());
            if (existing == null) {
                ArticleVersionEntity fresh = newVersion(entity.id, version);
                added.add(fresh);
                all.add(fresh);
            } else {
                marks(existing, version);
                all.add(existing);
            }
        }
        Integer published = after.live().map(ArticleVersion::version).orElse(null);
        if (!java.util.Objects.equals(published, entity.publishedVersion)) {
            // what answers has changed: a flag raised against the old answer no longer applies
            entity.reviewFlaggedAt = null;
            entity.reviewFlagReason = null;
        }
        entity.publishedVersion = published;
        entity.latestVersion = after.latest().version();
        entity.status = after.status().name();
        entity.updatedAt = now;
        // review, publish and withdraw add no version: the changed marks are flushed at commit
        return added.isEmpty() ? Uni.createFrom().item(all) : ArticleVersionEntity.persist(added).replaceWith(all);
    }

    private static ArticleVersionEntity newVersion(long articleId, ArticleVersion version) {
        ArticleVersionEntity entity = new ArticleVersionEntity();
        entity.articleId = articleId;
        entity.version = version.version();
        ArticleContent content = version.content();
        entity.title = content.title();
        entity.questions = String.join("\n", content.questions());
        entity.answer = content.answer();
        entity.sourceName = content.sourceName();
        entity.sourceLink = content.sourceLink();
        entity.categoryCode = content.categoryCode();
        entity.validFrom = content.validFrom();
        entity.validTo = content.validTo();
        entity.editedBy = version.editedBy();
        entity.editedAt = asStored(version.editedAt());
        entity.note = version.note();
        marks(entity, version);
        return entity;
    }

    private static void marks(ArticleVersionEntity entity, ArticleVersion version) {
        entity.status = version.status().name();
        entity.reviewedBy = version.reviewedBy();
        entity.reviewedAt = asStored(version.reviewedAt());
        entity.publishedBy = version.publishedBy();
        entity.publishedAt = asStored(version.publishedAt());
        entity.withdrawnBy = version.withdrawnBy();
        entity.withdrawnAt = asStored(version.withdrawnAt());
    }

    private static StoredArticle stored(KnowledgeArticleEntity entity, List<ArticleVersionEntity> versions) {
        Article article = new Article(entity.id, entity.articleKey, entity.unitCode,
                versions.stream().map(KnowledgeArticleRepository::version).toList());
        return new StoredArticle(article, entity.proposedFrom, entity.createdBy, entity.createdAt, entity.updatedAt,
                entity.reviewFlaggedAt, entity.reviewFlagReason);
    }

    static ArticleVersion version(ArticleVersionEntity v) {
        return new ArticleVersion(v.version, ArticleStatus.valueOf(v.status), content(v), v.editedBy, v.editedAt,
                v.reviewedBy, v.reviewedAt, v.publishedBy, v.publishedAt, v.withdrawnBy, v.withdrawnAt, v.note);
    }

    static ArticleContent content(ArticleVersionEntity v) {
        return new ArticleContent(v.title, questions(v.questions), v.answer, v.sourceName, v.sourceLink, v.categoryCode,
                v.validFrom, v.validTo);
    }

    static List<String> questions(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }

    private static Summary summary(KnowledgeArticleEntity a, ArticleVersionEntity v) {
        return new Summary(a.id, a.articleKey, a.unitCode, ArticleStatus.valueOf(a.status), a.latestVersion,
                a.publishedVersion, v.title, v.categoryCode, a.updatedAt, a.reviewFlaggedAt, a.reviewFlagReason);
    }

    /** PostgreSQL keeps microseconds: what is handed back is exactly what was stored. */
    private static Instant asStored(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
