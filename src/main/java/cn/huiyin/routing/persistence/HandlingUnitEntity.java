package cn.huiyin.routing.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "handling_unit")
public class HandlingUnitEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String kind;
}
