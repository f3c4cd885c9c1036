package cn.huiyin.sla.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A year whose official notice was imported ({@code work_calendar_year}): loaded, even if it lists no day. */
@Entity
@Table(name = "work_calendar_year")
public class WorkCalendarYearEntity extends PanacheEntityBase {

    @Id
    public Integer year;

    @Column(name = "imported_at")
    public Instant importedAt;

    /** Where the notice came from (the importer's note). */
    public String source;
}
