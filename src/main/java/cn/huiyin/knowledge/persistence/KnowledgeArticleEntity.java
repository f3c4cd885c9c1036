package cn.huiyin.knowledge.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An article of the knowledge base ({@code knowledge_article}): its unit, where the work on it stands and which version
 * answers now. Updates name only the columns that changed, so a step never overwrites the review flag that the answers'
 * record sets beside it.
 */
@Entity
@Table(name = "knowledge_article")
@DynamicUpdate
public class KnowledgeArticleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_key")
    public String articleKey;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "latest_version")
    public int latestVersion;

    public String status;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "proposed_from")
    public String proposedFrom;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "review_flagged_at")
    public Instant reviewFlaggedAt;

    @Column(name = "review_flag_reason")
    public String reviewFlagReason;
}
