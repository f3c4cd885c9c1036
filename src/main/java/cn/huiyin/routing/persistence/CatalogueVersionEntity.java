package cn.huiyin.routing.persistence;

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
 * One version of a catalogue line ({@code catalogue_version}): who changed what, why, and from when it applies. The
 * table is history: a trigger refuses any update but setting {@code applied_at} once, so updates name only the
 * columns that changed.
 */
@Entity
@Table(name = "catalogue_version")
@DynamicUpdate
public class CatalogueVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String category;

    public String name;

    @Column(name = "unit_rule")
    public String unitRule;

    @Column(name = "urgent_hours")
    public Integer urgentHours;

    public String keywords;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String reason;

    /** When it became the line in force; null while it waits for its effective time. */
    @Column(name = "applied_at")
    public Instant appliedAt;
}
