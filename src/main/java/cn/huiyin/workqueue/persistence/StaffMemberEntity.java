package cn.huiyin.workqueue.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A person who signs in ({@code staff_member}), as the duty roster keeps them. Only duty is changed here (people come
 * from the identity provider or the demo seeding), so an update names only the columns that changed.
 */
@Entity
@Table(name = "staff_member")
@DynamicUpdate
public class StaffMemberEntity extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String role;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "on_duty")
    public boolean onDuty;
}
