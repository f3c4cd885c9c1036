package cn.huiyin.workqueue.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An enterprise ({@code enterprise}) as the key-enterprise pages read it; intake and seeding write the register. */
@Entity
@Table(name = "enterprise")
@Immutable
public class EnterpriseEntity extends PanacheEntityBase {

    @Id
    public String uscc;

    public String name;

    /** Registered as a key enterprise (重点企业): it has named commissioners. */
    @Column(name = "key_enterprise")
    public boolean keyEnterprise;
}
