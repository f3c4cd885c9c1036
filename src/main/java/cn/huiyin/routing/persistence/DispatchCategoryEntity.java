package cn.huiyin.routing.persistence;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "dispatch_category")
public class DispatchCategoryEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "unit_rule")
    public String unitRule;

    @Column(name = "urgent_hours")
    public Integer urgentHours;

    public int position;

    public static Uni<List<DispatchCategoryEntity>> inCatalogueOrder() {
        return list("order by position");
    }
}
