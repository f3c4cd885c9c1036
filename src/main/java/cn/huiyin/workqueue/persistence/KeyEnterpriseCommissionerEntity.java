package cn.huiyin.workqueue.persistence;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A key enterprise's named commissioner and backup in one unit ({@code key_enterprise_commissioner}). */
@Entity
@Table(name = "key_enterprise_commissioner")
@IdClass(KeyEnterpriseCommissionerEntity.Key.class)
public class KeyEnterpriseCommissionerEntity extends PanacheEntityBase {

    /** One pair of commissioners per enterprise and unit. */
    public record Key(String uscc, String unitCode) implements Serializable {
    }

    @Id
    public String uscc;

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    public String commissioner;

    /** Takes the appeals while the named commissioner is off duty; null when none is named. */
    public String backup;
}
