package cn.huiyin.sla.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One version of a clock rule ({@code clock_rule}) with its audit: who added it, when and why. The table is history
 * (a trigger refuses updates and deletes), so the entity is immutable: it is only ever inserted and read.
 */
@Entity
@Table(name = "clock_rule")
@Immutable
public class ClockRuleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** A {@code ClockKind} name. */
    public String clock;

    /** Null: every appeal type. */
    @Column(name = "appeal_type")
    public String appealType;

    /** Null: every category. */
    public String category;

    /** Null: urgent or not. */
    public Boolean urgent;

    public Integer amount;

    /** A {@code ClockUnit} name. */
    public String unit;

    @Column(name = "legal_source")
    public String legalSource;

    /** The first day (in the district's time zone) on which a clock that starts gets this version. */
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String reason;
}
