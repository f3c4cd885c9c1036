package cn.huiyin.knowledge.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One version of an article ({@code knowledge_article_version}). A trigger keeps its words and authorship as written,
 * so updates name only the columns that changed (its status and the review, publish and withdraw marks).
 */
@Entity
@Table(name = "knowledge_article_version")
@DynamicUpdate
public class ArticleVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public long articleId;

    public int version;

    public String status;

    public String title;

    /** The question forms, one per line. */
    public String questions;

    public String answer;

    @Column(name = "source_name")
    public String sourceName;

    @Column(name = "source_link")
    public String sourceLink;

    @Column(name = "category_code")
    public String categoryCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "edited_by")
    public String editedBy;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public String note;
}
