package cn.huiyin.sla.persistence;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An official holiday or make-up workday ({@code work_calendar_day}), written when a year's notice is imported. */
@Entity
@Table(name = "work_calendar_day")
public class WorkCalendarDayEntity extends PanacheEntityBase {

    @Id
    public LocalDate day;

    /** {@code HOLIDAY} or {@code WORKDAY}. */
    public String kind;

    public String name;
}
